; ModuleID = 'crm_lookup'
source_filename = "crm_lookup"
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

%rt_value = type { i32, i32, i64 }
%rt_call = type { %rt_value*, i8*, %rt_event*, i32, i32, i32, i32, i8* }
%rt_event = type { i32, i32, %rt_value, %rt_value }

@.str = private unnamed_addr constant [21 x i8] c"invalid resume point\00", align 1
@.str.1 = private unnamed_addr constant [15 x i8] c"caller hung up\00", align 1
@.str.2 = private unnamed_addr constant [22 x i8] c"route on error -> bye\00", align 1
@.str.3 = private unnamed_addr constant [7 x i8] c"Hello \00", align 1
@.str.4 = private unnamed_addr constant [7 x i8] c"caller\00", align 1
@.str.5 = private unnamed_addr constant [2 x i8] c".\00", align 1
@.str.6 = private unnamed_addr constant [20 x i8] c"hung up by the flow\00", align 1
@.str.7 = private unnamed_addr constant [5 x i8] c"gold\00", align 1
@.str.8 = private unnamed_addr constant [20 x i8] c"https://crm.example\00", align 1
@.str.9 = private unnamed_addr constant [9 x i8] c"/notify/\00", align 1
@.str.10 = private unnamed_addr constant [5 x i8] c"tier\00", align 1
@.str.11 = private unnamed_addr constant [5 x i8] c"tags\00", align 1
@.str.12 = private unnamed_addr constant [4 x i8] c"ivr\00", align 1
@.val = private unnamed_addr constant %rt_value { i32 4, i32 3, i64 ptrtoint ([4 x i8]* @.str.12 to i64) }, align 8
@.str.13 = private unnamed_addr constant [18 x i8] c"/customers?phone=\00", align 1
@.str.14 = private unnamed_addr constant [7 x i8] c"X-Call\00", align 1
@triggers = local_unnamed_addr constant [1 x i32 (%rt_call*)*] [i32 (%rt_call*)* @trigger_0]
@builds = local_unnamed_addr constant [2 x void (%rt_call*, i8*)*] [void (%rt_call*, i8*)* @build_0, void (%rt_call*, i8*)* @build_1]

; Function Attrs: mustprogress nofree norecurse nosync nounwind readonly willreturn
define internal i32 @trigger_0(%rt_call* nocapture readonly %call) #0 {
entry:
  %0 = getelementptr inbounds %rt_call, %rt_call* %call, i64 0, i32 0
  %slots = load %rt_value*, %rt_value** %0, align 8
  %1 = getelementptr inbounds %rt_value, %rt_value* %slots, i64 5, i32 0
  %ivr.tier.tag = load i32, i32* %1, align 4
  %2 = getelementptr inbounds %rt_value, %rt_value* %slots, i64 5, i32 1
  %ivr.tier.len = load i32, i32* %2, align 4
  %3 = icmp eq i32 %ivr.tier.len, 4
  %4 = icmp eq i32 %ivr.tier.tag, 4
  %5 = and i1 %4, %3
  br i1 %5, label %streq.bytes, label %streq.end

streq.bytes:                                      ; preds = %entry
  %6 = getelementptr inbounds %rt_value, %rt_value* %slots, i64 5, i32 2
  %ivr.tier.bits = load i64, i64* %6, align 8
  %7 = inttoptr i64 %ivr.tier.bits to i32*
  %8 = load i32, i32* %7, align 1
  %9 = icmp eq i32 %8, 1684828007
  %phi.cast = zext i1 %9 to i32
  br label %streq.end

streq.end:                                        ; preds = %streq.bytes, %entry
  %10 = phi i32 [ 0, %entry ], [ %phi.cast, %streq.bytes ]
  ret i32 %10
}

define i32 @on_event(%rt_call* %call) local_unnamed_addr {
entry:
  %args11 = alloca [1 x %rt_value], align 8
  %args4 = alloca [2 x %rt_value], align 8
  %out = alloca %rt_value, align 8
  %args = alloca [3 x %rt_value], align 8
  %0 = getelementptr inbounds %rt_call, %rt_call* %call, i64 0, i32 3
  %resume = load i32, i32* %0, align 4
  switch i32 %resume, label %invalid_resume [
    i32 0, label %b2.lookup.enter
    i32 2, label %b2.lookup.enter
    i32 3, label %b3.greet.enter
    i32 4, label %b4.bye.enter
    i32 9, label %b9.lookup.request.resume
    i32 17, label %b17.greet.playing
  ]

common.ret:                                       ; preds = %bye.migrate, %greet.migrate, %lookup.migrate, %invalid_resume, %bye.entered, %b19.greet.playing.else, %greet.entered, %b11.lookup.request.ignore, %b8.lookup.request.hold, %b1.call.hangup
  %common.ret.op = phi i32 [ 2, %b1.call.hangup ], [ 1, %b8.lookup.request.hold ], [ 1, %b11.lookup.request.ignore ], [ 0, %greet.entered ], [ 0, %b19.greet.playing.else ], [ 2, %bye.entered ], [ 2, %invalid_resume ], [ 3, %lookup.migrate ], [ 3, %greet.migrate ], [ 3, %bye.migrate ]
  ret i32 %common.ret.op

b1.call.hangup:                                   ; preds = %event.kind6, %event.kind
  tail call void @rt_end(%rt_call* nonnull %call, i8* getelementptr inbounds ([15 x i8], [15 x i8]* @.str.1, i64 0, i64 0))
  br label %common.ret

b2.lookup.enter:                                  ; preds = %entry, %entry
  %1 = tail call i32 @rt_enter_module(%rt_call* nonnull %call, i32 0)
  %.not14 = icmp eq i32 %1, 0
  br i1 %.not14, label %lookup.entered, label %lookup.migrate, !prof !0

b3.greet.enter:                                   ; preds = %b13.lookup.leave, %entry
  %2 = tail call i32 @rt_enter_module(%rt_call* nonnull %call, i32 1)
  %.not13 = icmp eq i32 %2, 0
  br i1 %.not13, label %greet.entered, label %greet.migrate, !prof !0

b4.bye.enter:                                     ; preds = %event.kind6, %b14.lookup.exit.on_error, %entry
  %3 = tail call i32 @rt_enter_module(%rt_call* nonnull %call, i32 2)
  %.not = icmp eq i32 %3, 0
  br i1 %.not, label %bye.entered, label %bye.migrate, !prof !0

b8.lookup.request.hold:                           ; preds = %lookup.entered
  store i32 9, i32* %0, align 4
  tail call void @rt_timer(%rt_call* nonnull %call, i32 0, i32 0)
  br label %common.ret

b9.lookup.request.resume:                         ; preds = %entry
  %4 = getelementptr inbounds %rt_call, %rt_call* %call, i64 0, i32 2
  %event = load %rt_event*, %rt_event** %4, align 8
  %5 = icmp eq %rt_event* %event, null
  br i1 %5, label %b10.lookup.request.check, label %event.kind

b10.lookup.request.check:                         ; preds = %event.kind, %b9.lookup.request.resume
  %6 = getelementptr inbounds %rt_call, %rt_call* %call, i64 0, i32 1
  %automations2 = load i8*, i8** %6, align 8
  %7 = getelementptr inbounds i8, i8* %automations2, i64 1
  %lookup.http.status3 = load i8, i8* %7, align 1
  %8 = icmp ugt i8 %lookup.http.status3, 1
  br i1 %8, label %b13.lookup.leave, label %b11.lookup.request.ignore

b11.lookup.request.ignore:                        ; preds = %b10.lookup.request.check
  store i32 9, i32* %0, align 4
  br label %common.ret

b13.lookup.leave:                                 ; preds = %b10.lookup.request.check, %lookup.entered
  %9 = getelementptr inbounds %rt_call, %rt_call* %call, i64 0, i32 5
  %module_failed = load i32, i32* %9, align 4
  %.not12 = icmp eq i32 %module_failed, 0
  br i1 %.not12, label %b3.greet.enter, label %b14.lookup.exit.on_error

b14.lookup.exit.on_error:                         ; preds = %b13.lookup.leave
  tail call void @rt_trace(%rt_call* nonnull %call, i8* getelementptr inbounds ([22 x i8], [22 x i8]* @.str.2, i64 0, i64 0))
  br label %b4.bye.enter

b17.greet.playing:                                ; preds = %entry
  %10 = getelementptr inbounds %rt_call, %rt_call* %call, i64 0, i32 2
  %event5 = load %rt_event*, %rt_event** %10, align 8
  %11 = icmp eq %rt_event* %event5, null
  br i1 %11, label %b19.greet.playing.else, label %event.kind6

b19.greet.playing.else:                           ; preds = %event.kind6, %b17.greet.playing
  store i32 17, i32* %0, align 4
  br label %common.ret

invalid_resume:                                   ; preds = %entry
  tail call void @rt_end(%rt_call* nonnull %call, i8* getelementptr inbounds ([21 x i8], [21 x i8]* @.str, i64 0, i64 0))
  br label %common.ret

lookup.migrate:                                   ; preds = %b2.lookup.enter
  store i32 2, i32* %0, align 4
  br label %common.ret

lookup.entered:                                   ; preds = %b2.lookup.enter
  tail call void @rt_start_automation(%rt_call* nonnull %call, i32 1)
  %12 = getelementptr inbounds %rt_call, %rt_call* %call, i64 0, i32 1
  %automations = load i8*, i8** %12, align 8
  %13 = getelementptr inbounds i8, i8* %automations, i64 1
  %lookup.http.status = load i8, i8* %13, align 1
  %14 = icmp ugt i8 %lookup.http.status, 1
  br i1 %14, label %b13.lookup.leave, label %b8.lookup.request.hold

greet.migrate:                                    ; preds = %b3.greet.enter
  store i32 3, i32* %0, align 4
  br label %common.ret

greet.entered:                                    ; preds = %b3.greet.enter
  %15 = bitcast [3 x %rt_value]* %args to i8*
  call void @llvm.lifetime.start.p0i8(i64 48, i8* nonnull %15)
  %16 = getelementptr inbounds [3 x %rt_value], [3 x %rt_value]* %args, i64 0, i64 0
  call void @llvm.memset.p0i8.i64(i8* noundef nonnull align 8 dereferenceable(16) %15, i8 0, i64 16, i1 false)
  tail call void @rt_tmpl_begin(%rt_call* nonnull %call)
  tail call void @rt_tmpl_text(%rt_call* nonnull %call, i8* getelementptr inbounds ([7 x i8], [7 x i8]* @.str.3, i64 0, i64 0), i32 6)
  %17 = bitcast %rt_value* %out to i8*
  call void @llvm.lifetime.start.p0i8(i64 16, i8* nonnull %17)
  call void @llvm.memset.p0i8.i64(i8* noundef nonnull align 8 dereferenceable(16) %17, i8 0, i64 16, i1 false)
  %18 = bitcast [2 x %rt_value]* %args4 to i8*
  call void @llvm.lifetime.start.p0i8(i64 32, i8* nonnull %18)
  %19 = getelementptr inbounds [2 x %rt_value], [2 x %rt_value]* %args4, i64 0, i64 0
  %20 = getelementptr inbounds %rt_call, %rt_call* %call, i64 0, i32 0
  %slots = load %rt_value*, %rt_value** %20, align 8
  %ivr.customer_id = getelementptr inbounds %rt_value, %rt_value* %slots, i64 4
  %21 = bitcast %rt_value* %ivr.customer_id to i8*
  call void @llvm.memcpy.p0i8.p0i8.i64(i8* noundef nonnull align 8 dereferenceable(16) %18, i8* noundef nonnull align 8 dereferenceable(16) %21, i64 16, i1 false)
  %22 = getelementptr inbounds [2 x %rt_value], [2 x %rt_value]* %args4, i64 0, i64 1, i32 0
  store i32 4, i32* %22, align 8
  %23 = getelementptr inbounds [2 x %rt_value], [2 x %rt_value]* %args4, i64 0, i64 1, i32 1
  store i32 6, i32* %23, align 4
  %24 = getelementptr inbounds [2 x %rt_value], [2 x %rt_value]* %args4, i64 0, i64 1, i32 2
  store i64 ptrtoint ([7 x i8]* @.str.4 to i64), i64* %24, align 8
  call void @rt_builtin(%rt_call* nonnull %call, i32 13, %rt_value* nonnull %19, i32 2, %rt_value* nonnull %out)
  call void @llvm.lifetime.end.p0i8(i64 32, i8* nonnull %18)
  call void @rt_tmpl_value(%rt_call* nonnull %call, %rt_value* nonnull %out, i32 0)
  call void @llvm.lifetime.end.p0i8(i64 16, i8* nonnull %17)
  call void @rt_tmpl_text(%rt_call* nonnull %call, i8* getelementptr inbounds ([2 x i8], [2 x i8]* @.str.5, i64 0, i64 0), i32 1)
  call void @rt_tmpl_end(%rt_call* nonnull %call, %rt_value* nonnull %16)
  %25 = getelementptr inbounds [3 x %rt_value], [3 x %rt_value]* %args, i64 0, i64 1
  %26 = bitcast %rt_value* %25 to i8*
  call void @llvm.memset.p0i8.i64(i8* noundef nonnull align 8 dereferenceable(32) %26, i8 0, i64 32, i1 false)
  call void @rt_emit(%rt_call* nonnull %call, i32 1, %rt_value* nonnull %16, i32 3)
  call void @llvm.lifetime.end.p0i8(i64 48, i8* nonnull %15)
  store i32 17, i32* %0, align 4
  call void @rt_timer(%rt_call* nonnull %call, i32 0, i32 0)
  br label %common.ret

bye.migrate:                                      ; preds = %b4.bye.enter
  store i32 4, i32* %0, align 4
  br label %common.ret

bye.entered:                                      ; preds = %b4.bye.enter
  %27 = bitcast [1 x %rt_value]* %args11 to i8*
  call void @llvm.lifetime.start.p0i8(i64 16, i8* nonnull %27)
  %28 = getelementptr inbounds [1 x %rt_value], [1 x %rt_value]* %args11, i64 0, i64 0
  %29 = getelementptr inbounds [1 x %rt_value], [1 x %rt_value]* %args11, i64 0, i64 0, i32 0
  store i32 4, i32* %29, align 8
  %30 = getelementptr inbounds [1 x %rt_value], [1 x %rt_value]* %args11, i64 0, i64 0, i32 1
  store i32 19, i32* %30, align 4
  %31 = getelementptr inbounds [1 x %rt_value], [1 x %rt_value]* %args11, i64 0, i64 0, i32 2
  store i64 ptrtoint ([20 x i8]* @.str.6 to i64), i64* %31, align 8
  call void @rt_emit(%rt_call* nonnull %call, i32 5, %rt_value* nonnull %28, i32 1)
  call void @llvm.lifetime.end.p0i8(i64 16, i8* nonnull %27)
  call void @rt_end(%rt_call* nonnull %call, i8* getelementptr inbounds ([20 x i8], [20 x i8]* @.str.6, i64 0, i64 0))
  br label %common.ret

event.kind:                                       ; preds = %b9.lookup.request.resume
  %32 = getelementptr inbounds %rt_event, %rt_event* %event, i64 0, i32 0
  %event.kind1 = load i32, i32* %32, align 4
  %33 = icmp eq i32 %event.kind1, 6
  br i1 %33, label %b1.call.hangup, label %b10.lookup.request.check

event.kind6:                                      ; preds = %b17.greet.playing
  %34 = getelementptr inbounds %rt_event, %rt_event* %event5, i64 0, i32 0
  %event.kind7 = load i32, i32* %34, align 4
  switch i32 %event.kind7, label %b19.greet.playing.else [
    i32 6, label %b1.call.hangup
    i32 1, label %b4.bye.enter
  ]
}

declare void @rt_end(%rt_call*, i8*) local_unnamed_addr

declare i32 @rt_enter_module(%rt_call*, i32) local_unnamed_addr

declare void @rt_start_automation(%rt_call*, i32) local_unnamed_addr

declare void @rt_timer(%rt_call*, i32, i32) local_unnamed_addr

declare void @rt_trace(%rt_call*, i8*) local_unnamed_addr

; Function Attrs: argmemonly mustprogress nofree nosync nounwind willreturn
declare void @llvm.lifetime.start.p0i8(i64 immarg, i8* nocapture) #1

; Function Attrs: argmemonly mustprogress nofree nounwind willreturn writeonly
declare void @llvm.memset.p0i8.i64(i8* nocapture writeonly, i8, i64, i1 immarg) #2

declare void @rt_tmpl_begin(%rt_call*) local_unnamed_addr

declare void @rt_tmpl_text(%rt_call*, i8*, i32) local_unnamed_addr

; Function Attrs: argmemonly mustprogress nofree nounwind willreturn
declare void @llvm.memcpy.p0i8.p0i8.i64(i8* noalias nocapture writeonly, i8* noalias nocapture readonly, i64, i1 immarg) #3

declare void @rt_builtin(%rt_call*, i32, %rt_value*, i32, %rt_value*) local_unnamed_addr

; Function Attrs: argmemonly mustprogress nofree nosync nounwind willreturn
declare void @llvm.lifetime.end.p0i8(i64 immarg, i8* nocapture) #1

declare void @rt_tmpl_value(%rt_call*, %rt_value*, i32) local_unnamed_addr

declare void @rt_tmpl_end(%rt_call*, %rt_value*) local_unnamed_addr

declare void @rt_emit(%rt_call*, i32, %rt_value*, i32) local_unnamed_addr

define internal void @build_0(%rt_call* %call, i8* %req) {
entry:
  %v = alloca %rt_value, align 8
  %out = alloca %rt_value, align 8
  %0 = bitcast %rt_value* %out to i8*
  call void @llvm.lifetime.start.p0i8(i64 16, i8* nonnull %0)
  call void @llvm.memset.p0i8.i64(i8* noundef nonnull align 8 dereferenceable(16) %0, i8 0, i64 16, i1 false)
  tail call void @rt_tmpl_begin(%rt_call* %call)
  tail call void @rt_tmpl_text(%rt_call* %call, i8* getelementptr inbounds ([20 x i8], [20 x i8]* @.str.8, i64 0, i64 0), i32 19)
  tail call void @rt_tmpl_text(%rt_call* %call, i8* getelementptr inbounds ([9 x i8], [9 x i8]* @.str.9, i64 0, i64 0), i32 8)
  %1 = getelementptr inbounds %rt_call, %rt_call* %call, i64 0, i32 0
  %slots = load %rt_value*, %rt_value** %1, align 8
  tail call void @rt_tmpl_value(%rt_call* %call, %rt_value* %slots, i32 1)
  call void @rt_tmpl_end(%rt_call* %call, %rt_value* nonnull %out)
  call void @rt_req_url(i8* %req, %rt_value* nonnull %out)
  call void @llvm.lifetime.end.p0i8(i64 16, i8* nonnull %0)
  call void @rt_json_begin(i8* %req, i32 0)
  call void @rt_json_key(i8* %req, i8* getelementptr inbounds ([5 x i8], [5 x i8]* @.str.10, i64 0, i64 0), i32 4)
  %slots1 = load %rt_value*, %rt_value** %1, align 8
  %ivr.tier = getelementptr inbounds %rt_value, %rt_value* %slots1, i64 5
  call void @rt_json_value(i8* %req, %rt_value* nonnull %ivr.tier)
  call void @rt_json_key(i8* %req, i8* getelementptr inbounds ([5 x i8], [5 x i8]* @.str.7, i64 0, i64 0), i32 4)
  %slots.i = load %rt_value*, %rt_value** %1, align 8
  %2 = getelementptr inbounds %rt_value, %rt_value* %slots.i, i64 5, i32 0
  %ivr.tier.tag.i = load i32, i32* %2, align 4
  %3 = getelementptr inbounds %rt_value, %rt_value* %slots.i, i64 5, i32 1
  %ivr.tier.len.i = load i32, i32* %3, align 4
  %4 = icmp eq i32 %ivr.tier.len.i, 4
  %5 = icmp eq i32 %ivr.tier.tag.i, 4
  %6 = and i1 %5, %4
  br i1 %6, label %streq.bytes.i, label %trigger_0.exit

streq.bytes.i:                                    ; preds = %entry
  %7 = getelementptr inbounds %rt_value, %rt_value* %slots.i, i64 5, i32 2
  %ivr.tier.bits.i = load i64, i64* %7, align 8
  %8 = inttoptr i64 %ivr.tier.bits.i to i32*
  %9 = load i32, i32* %8, align 1
  %10 = icmp eq i32 %9, 1684828007
  %phi.cast = zext i1 %10 to i64
  br label %trigger_0.exit

trigger_0.exit:                                   ; preds = %entry, %streq.bytes.i
  %11 = phi i64 [ 0, %entry ], [ %phi.cast, %streq.bytes.i ]
  %12 = bitcast %rt_value* %v to i8*
  call void @llvm.lifetime.start.p0i8(i64 16, i8* nonnull %12)
  %13 = getelementptr inbounds %rt_value, %rt_value* %v, i64 0, i32 0
  store i32 2, i32* %13, align 8
  %14 = getelementptr inbounds %rt_value, %rt_value* %v, i64 0, i32 1
  store i32 0, i32* %14, align 4
  %15 = getelementptr inbounds %rt_value, %rt_value* %v, i64 0, i32 2
  store i64 %11, i64* %15, align 8
  call void @rt_json_value(i8* %req, %rt_value* nonnull %v)
  call void @llvm.lifetime.end.p0i8(i64 16, i8* nonnull %12)
  call void @rt_json_key(i8* %req, i8* getelementptr inbounds ([5 x i8], [5 x i8]* @.str.11, i64 0, i64 0), i32 4)
  call void @rt_json_begin(i8* %req, i32 1)
  call void @rt_json_value(i8* %req, %rt_value* nonnull @.val)
  %slots2 = load %rt_value*, %rt_value** %1, align 8
  %call.to = getelementptr inbounds %rt_value, %rt_value* %slots2, i64 2
  call void @rt_json_value(i8* %req, %rt_value* nonnull %call.to)
  call void @rt_json_end(i8* %req)
  call void @rt_json_end(i8* %req)
  ret void
}

declare void @rt_req_url(i8*, %rt_value*) local_unnamed_addr

declare void @rt_json_begin(i8*, i32) local_unnamed_addr

declare void @rt_json_key(i8*, i8*, i32) local_unnamed_addr

declare void @rt_json_value(i8*, %rt_value*) local_unnamed_addr

declare void @rt_json_end(i8*) local_unnamed_addr

define internal void @build_1(%rt_call* %call, i8* %req) {
entry:
  %out = alloca %rt_value, align 8
  %0 = bitcast %rt_value* %out to i8*
  call void @llvm.lifetime.start.p0i8(i64 16, i8* nonnull %0)
  call void @llvm.memset.p0i8.i64(i8* noundef nonnull align 8 dereferenceable(16) %0, i8 0, i64 16, i1 false)
  tail call void @rt_tmpl_begin(%rt_call* %call)
  tail call void @rt_tmpl_text(%rt_call* %call, i8* getelementptr inbounds ([20 x i8], [20 x i8]* @.str.8, i64 0, i64 0), i32 19)
  tail call void @rt_tmpl_text(%rt_call* %call, i8* getelementptr inbounds ([18 x i8], [18 x i8]* @.str.13, i64 0, i64 0), i32 17)
  %1 = getelementptr inbounds %rt_call, %rt_call* %call, i64 0, i32 0
  %slots = load %rt_value*, %rt_value** %1, align 8
  %call.from = getelementptr inbounds %rt_value, %rt_value* %slots, i64 1
  tail call void @rt_tmpl_value(%rt_call* %call, %rt_value* nonnull %call.from, i32 1)
  call void @rt_tmpl_end(%rt_call* %call, %rt_value* nonnull %out)
  call void @rt_req_url(i8* %req, %rt_value* nonnull %out)
  call void @llvm.lifetime.end.p0i8(i64 16, i8* nonnull %0)
  %slots1 = load %rt_value*, %rt_value** %1, align 8
  call void @rt_req_header(i8* %req, i8* getelementptr inbounds ([7 x i8], [7 x i8]* @.str.14, i64 0, i64 0), %rt_value* %slots1)
  ret void
}

declare void @rt_req_header(i8*, i8*, %rt_value*) local_unnamed_addr

attributes #0 = { mustprogress nofree norecurse nosync nounwind readonly willreturn }
attributes #1 = { argmemonly mustprogress nofree nosync nounwind willreturn }
attributes #2 = { argmemonly mustprogress nofree nounwind willreturn writeonly }
attributes #3 = { argmemonly mustprogress nofree nounwind willreturn }

!0 = !{!"branch_weights", i32 1000, i32 1}
