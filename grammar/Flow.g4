// The flowc language: one file describes one call flow (or, without a `flow`
// header, a library of lets, expects, triggers and automations to import).
// Generated into the build tree at build time; see docs/language.md.
grammar Flow;

// ---------------------------------------------------------------- file

program     : item* EOF ;

item
  : 'flow' IDENT                                              # flowItem
  | 'start' IDENT                                             # startItem
  | 'numbers' STRING (',' STRING)*                            # numbersItem
  | 'import' STRING                                           # importItem
  | 'timezone' STRING                                         # timezoneItem
  | 'cti' IDENT expr option*                                  # ctiItem
  | 'let' IDENT '=' expr                                      # letItem
  | 'expect' path ':' typeSpec 'secret'?                      # expectItem
  | 'trigger' IDENT '=' expr                                  # triggerItem
  | 'automation' IDENT '=' action attachment*                 # automationItem
  | 'module' IDENT '=' moduleKind clause*                     # moduleItem
  ;

typeSpec
  : IDENT                                                     # namedType
  | STRING ('|' STRING)*                                      # enumType
  ;

attachment
  : 'on' 'call' ('start' | 'end')                             # callAttachment
  | 'when' IDENT                                              # whenAttachment
  ;

// ---------------------------------------------------------------- modules

moduleKind
  : 'play' expr option*                                       # playModule
  | 'say' expr option*                                        # sayModule
  | 'input' option*                                           # inputModule
  | 'menu' expr '{' menuChoice* '}' option*                   # menuModule
  | 'switch' '{' switchBranch* '}'                            # switchModule
  | 'queue' expr option*                                      # queueModule
  | 'transfer' expr option*                                   # transferModule
  | 'hangup'                                                  # hangupModule
  | 'pause' DURATION                                          # pauseModule
  | 'set' assignment (',' assignment)*                        # setModule
  | 'email' emailSpec                                         # emailModule
  | 'http' httpSpec                                           # httpModule
  ;

menuChoice  : key=(NUMBER | STRING) '->' IDENT ','? ;

switchBranch
  : 'when' expr '->' IDENT                                    # whenBranch
  | 'after' '->' IDENT                                        # afterBranch
  ;

clause
  : 'next' IDENT                                              # nextClause
  | 'on' hook=('enter' | 'exit') action                       # hookClause
  | 'on' IDENT '->' IDENT                                     # routeClause
  | 'wait' IDENT 'up' 'to' DURATION                           # waitClause
  ;

// ---------------------------------------------------------------- actions

action
  : IDENT                                                     # refAction
  | 'set' assignment (',' assignment)*                        # setAction
  | 'email' emailSpec                                         # emailAction
  | httpSpec                                                  # httpAction
  ;

httpSpec    : IDENT expr option* ;          // method, URL template, options
emailSpec   : 'to' expr option* ;           // recipient, then subject/body/...
assignment  : path '=' expr ;

// Options are a name and a value; which names a module kind or action
// accepts is checked by the checker, so a misplaced option gets a clear error.
option
  : IDENT STRING ':' expr                                     # headerOption
  | IDENT path '=' path                                       # mapOption
  | IDENT jsonObject                                          # jsonOption
  | IDENT DURATION                                            # durationOption
  | IDENT expr                                                # exprOption
  ;

jsonObject  : '{' (jsonField (',' jsonField)* ','?)? '}' ;
jsonField   : (anyName | STRING) ':' jsonValue ;
jsonArray   : '[' (jsonValue (',' jsonValue)* ','?)? ']' ;
jsonValue   : jsonObject | jsonArray | expr ;

// ---------------------------------------------------------------- expressions

templateExpr : expr EOF ;                   // entry rule for `{...}` holes

expr        : andExpr ('or' andExpr)* ;
andExpr     : notExpr ('and' notExpr)* ;
notExpr     : 'not' notExpr | predicate ;

predicate
  : 'now' 'in' hoursRange (',' hoursRange)* STRING?           # hoursPredicate
  | additive predicateTail?                                   # valuePredicate
  ;

predicateTail
  : compOp additive                                           # compareTail
  | 'is' negate='not'? 'set'                                  # isSetTail
  | negate='not'? 'in' '[' (expr (',' expr)*)? ']'            # inTail
  | 'matches' STRING                                          # matchesTail
  ;

compOp      : '==' | '!=' | '<' | '<=' | '>' | '>=' ;
hoursRange  : (IDENT ('-' IDENT)?)? TIME '-' TIME ;

additive    : multiplicative (addOp multiplicative)* ;
addOp       : '+' | '-' ;
multiplicative : unary (mulOp unary)* ;
mulOp       : '*' | '/' | '%' ;
unary       : '-' unary | primary ;

primary
  : STRING                                                    # stringPrimary
  | NUMBER                                                    # numberPrimary
  | DURATION                                                  # durationPrimary
  | ('true' | 'false')                                        # boolPrimary
  | 'null'                                                    # nullPrimary
  | path                                                      # pathPrimary
  | IDENT '(' (expr (',' expr)*)? ')'                         # callPrimary
  | IDENT                                                     # namePrimary
  | '(' expr ')'                                              # parenPrimary
  ;

// A session variable: a namespace (call, ivr, app; response in maps) and its
// fields, which may be keywords.
path        : (IDENT | 'call') ('.' anyName)+ ;

// Keywords are still allowed as the segments of a path and as JSON keys.
anyName
  : IDENT | 'flow' | 'start' | 'numbers' | 'import' | 'timezone' | 'cti'
  | 'let' | 'expect' | 'secret' | 'trigger' | 'automation' | 'module'
  | 'play' | 'say' | 'input' | 'menu' | 'switch' | 'queue' | 'transfer'
  | 'hangup' | 'pause' | 'set' | 'email' | 'http' | 'next' | 'on' | 'enter'
  | 'exit' | 'wait' | 'up' | 'to' | 'when' | 'after' | 'call' | 'end'
  | 'and' | 'or' | 'not' | 'is' | 'in' | 'matches' | 'now' | 'true'
  | 'false' | 'null'
  ;

// ---------------------------------------------------------------- tokens

TIME        : [0-9] [0-9]? ':' [0-9] [0-9] ;
DURATION    : [0-9]+ ('.' [0-9]+)? [a-zA-Z]+ ;
NUMBER      : [0-9]+ ('.' [0-9]+)? ;
IDENT       : [a-zA-Z_] [a-zA-Z0-9_]* ;
STRING      : '"' (ESC | ~["\\\r\n])* '"' ;
BAD_STRING  : '"' (ESC | ~["\\\r\n])* ;     // unterminated: reported by the parser
fragment ESC : '\\' . ;

LINE_COMMENT  : '//' ~[\r\n]* -> channel(HIDDEN) ;
BLOCK_COMMENT : '/*' .*? '*/' -> channel(HIDDEN) ;
WS          : [ \t\r\n\f]+ -> channel(HIDDEN) ;
UNKNOWN_CHAR : . ;                          // anything else: reported by the parser
