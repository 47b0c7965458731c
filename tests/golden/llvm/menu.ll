; ModuleID = 'menu_line'
source_filename = "menu_line"
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

%rt_call = type { %rt_value*, i8*, %rt_event*, i32, i32, i32, i32, i8* }
%rt_value = type { i32, i32, i64 }
%rt_event = type { i32, i32, %rt_value, %rt_value }

@.str = private unnamed_addr constant [21 x i8] c"invalid resume point\00", align 1
@.str.1 = private unnamed_addr constant [15 x i8] c"caller hung up\00", align 1
@.str.2 = private unnamed_addr constant [40 x i8] c"For sales press 1, for support press 2.\00", align 1
@.str.4 = private unnamed_addr constant [9 x i8] c"no input\00", align 1
@.str.5 = private unnamed_addr constant [14 x i8] c"invalid input\00", align 1
@.str.6 = private unnamed_addr constant [26 x i8] c"no input, no retries left\00", align 1
@.str.7 = private unnamed_addr constant [24 x i8] c"route on timeout -> bye\00", align 1
@.str.8 = private unnamed_addr constant [31 x i8] c"invalid input, no retries left\00", align 1
@.str.9 = private unnamed_addr constant [24 x i8] c"route on invalid -> bye\00", align 1
@.str.11 = private unnamed_addr constant [21 x i8] c"route key 1 -> sales\00", align 1
@.str.12 = private unnamed_addr constant [23 x i8] c"route key 2 -> ask_ref\00", align 1
@.str.13 = private unnamed_addr constant [7 x i8] c"Sales.\00", align 1
@.str.14 = private unnamed_addr constant [35 x i8] c"Your four digit reference, please.\00", align 1
@.str.15 = private unnamed_addr constant [12 x i8] c"Thank you, \00", align 1
@.str.16 = private unnamed_addr constant [2 x i8] c".\00", align 1
@.str.17 = private unnamed_addr constant [20 x i8] c"hung up by the flow\00", align 1

define i32 @on_event(%rt_call* %call) local_unnamed_addr {
entry:
  %args107 = alloca [1 x %rt_value], align 8
  %args100 = alloca [3 x %rt_value], align 8
  %v99 = alloca %rt_value, align 8
  %v69 = alloca %rt_value, align 8
  %v55 = alloca %rt_value, align 8
  %out46 = alloca %rt_value, align 8
  %v42 = alloca %rt_value, align 8
  %out33 = alloca %rt_value, align 8
  %args32 = alloca [8 x %rt_value], align 8
  %args25 = alloca [3 x %rt_value], align 8
  %args = alloca [8 x %rt_value], align 8
  %0 = getelementptr inbounds %rt_call, %rt_call* %call, i64 0, i32 3
  %resume = load i32, i32* %0, align 4
  switch i32 %resume, label %invalid_resume [
    i32 0, label %b2.main.enter
    i32 2, label %b2.main.enter
    i32 3, label %b3.sales.enter
    i32 4, label %b4.ask_ref.enter
    i32 5, label %b5.thanks.enter
    i32 6, label %b6.bye.enter
    i32 13, label %b13.main.collecting
    i32 29, label %b29.sales.playing
    i32 39, label %b39.ask_ref.collecting
    i32 53, label %b53.thanks.playing
  ]

common.ret:                                       ; preds = %bye.migrate, %thanks.migrate, %ask_ref.migrate, %sales.migrate, %main.migrate, %invalid_resume, %bye.entered, %b55.thanks.playing.else, %thanks.entered, %b42.ask_ref.collecting.else, %b34.ask_ref.ask, %b31.sales.playing.else, %sales.entered, %b16.main.collecting.else, %b8.main.ask, %b1.call.hangup
  %common.ret.op = phi i32 [ 2, %b1.call.hangup ], [ 0, %b8.main.ask ], [ 0, %b16.main.collecting.else ], [ 0, %sales.entered ], [ 0, %b31.sales.playing.else ], [ 0, %b34.ask_ref.ask ], [ 0, %b42.ask_ref.collecting.else ], [ 0, %thanks.entered ], [ 0, %b55.thanks.playing.else ], [ 2, %bye.entered ], [ 2, %invalid_resume ], [ 3, %main.migrate ], [ 3, %sales.migrate ], [ 3, %ask_ref.migrate ], [ 3, %thanks.migrate ], [ 3, %bye.migrate ]
  ret i32 %common.ret.op

b1.call.hangup:                                   ; preds = %event.kind102, %event.kind83, %event.kind27, %event.kind6
  tail call void @rt_end(%rt_call* nonnull %call, i8* getelementptr inbounds ([15 x i8], [15 x i8]* @.str.1, i64 0, i64 0))
  br label %common.ret

b2.main.enter:                                    ; preds = %entry, %entry
  %1 = tail call i32 @rt_enter_module(%rt_call* nonnull %call, i32 0)
  %.not116 = icmp eq i32 %1, 0
  br i1 %.not116, label %main.entered, label %main.migrate, !prof !0

b3.sales.enter:                                   ; preds = %b24.main.exit.key1, %entry
  %2 = tail call i32 @rt_enter_module(%rt_call* nonnull %call, i32 1)
  %.not115 = icmp eq i32 %2, 0
  br i1 %.not115, label %sales.entered, label %sales.migrate, !prof !0

b4.ask_ref.enter:                                 ; preds = %b26.main.exit.key2, %entry
  %3 = tail call i32 @rt_enter_module(%rt_call* nonnull %call, i32 2)
  %.not114 = icmp eq i32 %3, 0
  br i1 %.not114, label %b34.ask_ref.ask, label %ask_ref.migrate, !prof !0

b5.thanks.enter:                                  ; preds = %event.value94, %entry
  %4 = call i32 @rt_enter_module(%rt_call* nonnull %call, i32 3)
  %.not112 = icmp eq i32 %4, 0
  br i1 %.not112, label %thanks.entered, label %thanks.migrate, !prof !0

b6.bye.enter:                                     ; preds = %event.kind102, %event.kind27, %b46.ask_ref.exhausted_invalid, %b43.ask_ref.exhausted_timeout, %b20.main.exhausted_invalid, %b17.main.exhausted_timeout, %entry
  %5 = call i32 @rt_enter_module(%rt_call* nonnull %call, i32 4)
  %.not = icmp eq i32 %5, 0
  br i1 %.not, label %bye.entered, label %bye.migrate, !prof !0

b8.main.ask:                                      ; preds = %b12.main.retry, %main.entered
  %6 = bitcast [8 x %rt_value]* %args to i8*
  call void @llvm.lifetime.start.p0i8(i64 128, i8* nonnull %6)
  %7 = getelementptr inbounds [8 x %rt_value], [8 x %rt_value]* %args, i64 0, i64 0
  %8 = getelementptr inbounds [8 x %rt_value], [8 x %rt_value]* %args, i64 0, i64 0, i32 0
  store i32 3, i32* %8, align 8
  %9 = getelementptr inbounds [8 x %rt_value], [8 x %rt_value]* %args, i64 0, i64 0, i32 1
  store i32 0, i32* %9, align 4
  %10 = getelementptr inbounds [8 x %rt_value], [8 x %rt_value]* %args, i64 0, i64 0, i32 2
  store i64 4607182418800017408, i64* %10, align 8
  %11 = getelementptr inbounds [8 x %rt_value], [8 x %rt_value]* %args, i64 0, i64 1, i32 0
  store i32 3, i32* %11, align 8
  %12 = getelementptr inbounds [8 x %rt_value], [8 x %rt_value]* %args, i64 0, i64 1, i32 1
  store i32 0, i32* %12, align 4
  %13 = getelementptr inbounds [8 x %rt_value], [8 x %rt_value]* %args, i64 0, i64 1, i32 2
  store i64 4607182418800017408, i64* %13, align 8
  %14 = getelementptr inbounds [8 x %rt_value], [8 x %rt_value]* %args, i64 0, i64 2
  %15 = bitcast %rt_value* %14 to i8*
  call void @llvm.memset.p0i8.i64(i8* noundef nonnull align 8 dereferenceable(16) %15, i8 0, i64 16, i1 false)
  %16 = getelementptr inbounds [8 x %rt_value], [8 x %rt_value]* %args, i64 0, i64 3, i32 0
  store i32 3, i32* %16, align 8
  %17 = getelementptr inbounds [8 x %rt_value], [8 x %rt_value]* %args, i64 0, i64 3, i32 1
  store i32 0, i32* %17, align 4
  %18 = getelementptr inbounds [8 x %rt_value], [8 x %rt_value]* %args, i64 0, i64 3, i32 2
  store i64 4662219572839972864, i64* %18, align 8
  %19 = getelementptr inbounds [8 x %rt_value], [8 x %rt_value]* %args, i64 0, i64 4, i32 0
  store i32 4, i32* %19, align 8
  %20 = getelementptr inbounds [8 x %rt_value], [8 x %rt_value]* %args, i64 0, i64 4, i32 1
  store i32 39, i32* %20, align 4
  %21 = getelementptr inbounds [8 x %rt_value], [8 x %rt_value]* %args, i64 0, i64 4, i32 2
  store i64 ptrtoint ([40 x i8]* @.str.2 to i64), i64* %21, align 8
  %22 = getelementptr inbounds [8 x %rt_value], [8 x %rt_value]* %args, i64 0, i64 5
  %23 = bitcast %rt_value* %22 to i8*
  call void @llvm.memset.p0i8.i64(i8* noundef nonnull align 8 dereferenceable(48) %23, i8 0, i64 48, i1 false)
  call void @rt_emit(%rt_call* nonnull %call, i32 2, %rt_value* nonnull %7, i32 8)
  call void @llvm.lifetime.end.p0i8(i64 128, i8* nonnull %6)
  store i32 13, i32* %0, align 4
  call void @rt_timer(%rt_call* nonnull %call, i32 0, i32 0)
  br label %common.ret

b10.main.no_input:                                ; preds = %event.kind6
  tail call void @rt_trace(%rt_call* nonnull %call, i8* getelementptr inbounds ([9 x i8], [9 x i8]* @.str.4, i64 0, i64 0))
  %24 = getelementptr inbounds %rt_call, %rt_call* %call, i64 0, i32 4
  %attempts = load i32, i32* %24, align 4
  %25 = icmp ult i32 %attempts, 2
  br i1 %25, label %b12.main.retry, label %b17.main.exhausted_timeout

b11.main.invalid:                                 ; preds = %event.get, %streq.bytes22
  tail call void @rt_trace(%rt_call* nonnull %call, i8* getelementptr inbounds ([14 x i8], [14 x i8]* @.str.5, i64 0, i64 0))
  %26 = getelementptr inbounds %rt_call, %rt_call* %call, i64 0, i32 4
  %attempts2 = load i32, i32* %26, align 4
  %27 = icmp ult i32 %attempts2, 2
  br i1 %27, label %b12.main.retry, label %b20.main.exhausted_invalid

b12.main.retry:                                   ; preds = %b11.main.invalid, %b10.main.no_input
  %attempts3 = phi i32 [ %attempts2, %b11.main.invalid ], [ %attempts, %b10.main.no_input ]
  %28 = getelementptr inbounds %rt_call, %rt_call* %call, i64 0, i32 4
  %29 = uitofp i32 %attempts3 to double
  %30 = fadd double %29, 1.000000e+00
  %31 = fcmp olt double %30, 0x43E0000000000000
  %32 = fcmp ogt double %30, 0.000000e+00
  %33 = and i1 %32, %31
  %34 = fptosi double %30 to i64
  %35 = trunc i64 %34 to i32
  %36 = select i1 %33, i32 %35, i32 0
  store i32 %36, i32* %28, align 4
  br label %b8.main.ask

b13.main.collecting:                              ; preds = %entry
  %37 = getelementptr inbounds %rt_call, %rt_call* %call, i64 0, i32 2
  %event5 = load %rt_event*, %rt_event** %37, align 8
  %38 = icmp eq %rt_event* %event5, null
  br i1 %38, label %b16.main.collecting.else, label %event.kind6

b16.main.collecting.else:                         ; preds = %event.kind6, %b13.main.collecting
  store i32 13, i32* %0, align 4
  br label %common.ret

b17.main.exhausted_timeout:                       ; preds = %b10.main.no_input
  tail call void @rt_trace(%rt_call* nonnull %call, i8* getelementptr inbounds ([26 x i8], [26 x i8]* @.str.6, i64 0, i64 0))
  tail call void @rt_trace(%rt_call* nonnull %call, i8* getelementptr inbounds ([24 x i8], [24 x i8]* @.str.7, i64 0, i64 0))
  br label %b6.bye.enter

b20.main.exhausted_invalid:                       ; preds = %b11.main.invalid
  tail call void @rt_trace(%rt_call* nonnull %call, i8* getelementptr inbounds ([31 x i8], [31 x i8]* @.str.8, i64 0, i64 0))
  tail call void @rt_trace(%rt_call* nonnull %call, i8* getelementptr inbounds ([24 x i8], [24 x i8]* @.str.9, i64 0, i64 0))
  br label %b6.bye.enter

b24.main.exit.key1:                               ; preds = %streq.bytes
  tail call void @rt_trace(%rt_call* nonnull %call, i8* getelementptr inbounds ([21 x i8], [21 x i8]* @.str.11, i64 0, i64 0))
  br label %b3.sales.enter

b26.main.exit.key2:                               ; preds = %streq.bytes22
  tail call void @rt_trace(%rt_call* nonnull %call, i8* getelementptr inbounds ([23 x i8], [23 x i8]* @.str.12, i64 0, i64 0))
  br label %b4.ask_ref.enter

b29.sales.playing:                                ; preds = %entry
  %39 = getelementptr inbounds %rt_call, %rt_call* %call, i64 0, i32 2
  %event26 = load %rt_event*, %rt_event** %39, align 8
  %40 = icmp eq %rt_event* %event26, null
  br i1 %40, label %b31.sales.playing.else, label %event.kind27

b31.sales.playing.else:                           ; preds = %event.kind27, %b29.sales.playing
  store i32 29, i32* %0, align 4
  br label %common.ret

b34.ask_ref.ask:                                  ; preds = %b4.ask_ref.enter, %b36.ask_ref.no_input, %b37.ask_ref.invalid
  %.sink = phi i32 [ 1, %b37.ask_ref.invalid ], [ 1, %b36.ask_ref.no_input ], [ 0, %b4.ask_ref.enter ]
  %41 = getelementptr inbounds %rt_call, %rt_call* %call, i64 0, i32 4
  store i32 %.sink, i32* %41, align 4
  %42 = bitcast [8 x %rt_value]* %args32 to i8*
  call void @llvm.lifetime.start.p0i8(i64 128, i8* nonnull %42)
  %43 = getelementptr inbounds [8 x %rt_value], [8 x %rt_value]* %args32, i64 0, i64 0
  %44 = getelementptr inbounds [8 x %rt_value], [8 x %rt_value]* %args32, i64 0, i64 0, i32 0
  store i32 3, i32* %44, align 8
  %45 = getelementptr inbounds [8 x %rt_value], [8 x %rt_value]* %args32, i64 0, i64 0, i32 1
  store i32 0, i32* %45, align 4
  %46 = getelementptr inbounds [8 x %rt_value], [8 x %rt_value]* %args32, i64 0, i64 0, i32 2
  store i64 4616189618054758400, i64* %46, align 8
  %47 = getelementptr inbounds [8 x %rt_value], [8 x %rt_value]* %args32, i64 0, i64 1, i32 0
  store i32 3, i32* %47, align 8
  %48 = getelementptr inbounds [8 x %rt_value], [8 x %rt_value]* %args32, i64 0, i64 1, i32 1
  store i32 0, i32* %48, align 4
  %49 = getelementptr inbounds [8 x %rt_value], [8 x %rt_value]* %args32, i64 0, i64 1, i32 2
  store i64 4616189618054758400, i64* %49, align 8
  %50 = getelementptr inbounds [8 x %rt_value], [8 x %rt_value]* %args32, i64 0, i64 2
  %51 = bitcast %rt_value* %50 to i8*
  call void @llvm.memset.p0i8.i64(i8* noundef nonnull align 8 dereferenceable(16) %51, i8 0, i64 16, i1 false)
  %52 = getelementptr inbounds [8 x %rt_value], [8 x %rt_value]* %args32, i64 0, i64 3, i32 0
  store i32 3, i32* %52, align 8
  %53 = getelementptr inbounds [8 x %rt_value], [8 x %rt_value]* %args32, i64 0, i64 3, i32 1
  store i32 0, i32* %53, align 4
  %54 = getelementptr inbounds [8 x %rt_value], [8 x %rt_value]* %args32, i64 0, i64 3, i32 2
  store i64 4663319084467748864, i64* %54, align 8
  %55 = getelementptr inbounds [8 x %rt_value], [8 x %rt_value]* %args32, i64 0, i64 4, i32 0
  store i32 4, i32* %55, align 8
  %56 = getelementptr inbounds [8 x %rt_value], [8 x %rt_value]* %args32, i64 0, i64 4, i32 1
  store i32 34, i32* %56, align 4
  %57 = getelementptr inbounds [8 x %rt_value], [8 x %rt_value]* %args32, i64 0, i64 4, i32 2
  store i64 ptrtoint ([35 x i8]* @.str.14 to i64), i64* %57, align 8
  %58 = getelementptr inbounds [8 x %rt_value], [8 x %rt_value]* %args32, i64 0, i64 5
  %59 = bitcast %rt_value* %58 to i8*
  call void @llvm.memset.p0i8.i64(i8* noundef nonnull align 8 dereferenceable(48) %59, i8 0, i64 48, i1 false)
  call void @rt_emit(%rt_call* nonnull %call, i32 2, %rt_value* nonnull %43, i32 8)
  call void @llvm.lifetime.end.p0i8(i64 128, i8* nonnull %42)
  store i32 39, i32* %0, align 4
  call void @rt_timer(%rt_call* nonnull %call, i32 0, i32 0)
  br label %common.ret

b36.ask_ref.no_input:                             ; preds = %event.kind83
  tail call void @rt_trace(%rt_call* nonnull %call, i8* getelementptr inbounds ([9 x i8], [9 x i8]* @.str.4, i64 0, i64 0))
  %60 = getelementptr inbounds %rt_call, %rt_call* %call, i64 0, i32 4
  %attempts70 = load i32, i32* %60, align 4
  %61 = icmp eq i32 %attempts70, 0
  br i1 %61, label %b34.ask_ref.ask, label %b43.ask_ref.exhausted_timeout

b37.ask_ref.invalid:                              ; preds = %event.value37, %event.value50, %event.value64
  call void @rt_trace(%rt_call* nonnull %call, i8* getelementptr inbounds ([14 x i8], [14 x i8]* @.str.5, i64 0, i64 0))
  %62 = getelementptr inbounds %rt_call, %rt_call* %call, i64 0, i32 4
  %attempts71 = load i32, i32* %62, align 4
  %63 = icmp eq i32 %attempts71, 0
  br i1 %63, label %b34.ask_ref.ask, label %b46.ask_ref.exhausted_invalid

b39.ask_ref.collecting:                           ; preds = %entry
  %64 = getelementptr inbounds %rt_call, %rt_call* %call, i64 0, i32 2
  %event82 = load %rt_event*, %rt_event** %64, align 8
  %65 = icmp eq %rt_event* %event82, null
  br i1 %65, label %b42.ask_ref.collecting.else, label %event.kind83

b42.ask_ref.collecting.else:                      ; preds = %event.kind83, %b39.ask_ref.collecting
  store i32 39, i32* %0, align 4
  br label %common.ret

b43.ask_ref.exhausted_timeout:                    ; preds = %b36.ask_ref.no_input
  tail call void @rt_trace(%rt_call* nonnull %call, i8* getelementptr inbounds ([26 x i8], [26 x i8]* @.str.6, i64 0, i64 0))
  tail call void @rt_trace(%rt_call* nonnull %call, i8* getelementptr inbounds ([24 x i8], [24 x i8]* @.str.7, i64 0, i64 0))
  br label %b6.bye.enter

b46.ask_ref.exhausted_invalid:                    ; preds = %b37.ask_ref.invalid
  call void @rt_trace(%rt_call* nonnull %call, i8* getelementptr inbounds ([31 x i8], [31 x i8]* @.str.8, i64 0, i64 0))
  call void @rt_trace(%rt_call* nonnull %call, i8* getelementptr inbounds ([24 x i8], [24 x i8]* @.str.9, i64 0, i64 0))
  br label %b6.bye.enter

b49.ask_ref.store:                                ; preds = %event.value64
  %event91 = load %rt_event*, %rt_event** %64, align 8
  %66 = icmp eq %rt_event* %event91, null
  br i1 %66, label %event.value94, label %event.kind92

b53.thanks.playing:                               ; preds = %entry
  %67 = getelementptr inbounds %rt_call, %rt_call* %call, i64 0, i32 2
  %event101 = load %rt_event*, %rt_event** %67, align 8
  %68 = icmp eq %rt_event* %event101, null
  br i1 %68, label %b55.thanks.playing.else, label %event.kind102

b55.thanks.playing.else:                          ; preds = %event.kind102, %b53.thanks.playing
  store i32 53, i32* %0, align 4
  br label %common.ret

invalid_resume:                                   ; preds = %entry
  tail call void @rt_end(%rt_call* nonnull %call, i8* getelementptr inbounds ([21 x i8], [21 x i8]* @.str, i64 0, i64 0))
  br label %common.ret

main.migrate:                                     ; preds = %b2.main.enter
  store i32 2, i32* %0, align 4
  br label %common.ret

main.entered:                                     ; preds = %b2.main.enter
  %69 = getelementptr inbounds %rt_call, %rt_call* %call, i64 0, i32 4
  store i32 0, i32* %69, align 4
  br label %b8.main.ask

sales.migrate:                                    ; preds = %b3.sales.enter
  store i32 3, i32* %0, align 4
  br label %common.ret

sales.entered:                                    ; preds = %b3.sales.enter
  %70 = bitcast [3 x %rt_value]* %args25 to i8*
  call void @llvm.lifetime.start.p0i8(i64 48, i8* nonnull %70)
  %71 = getelementptr inbounds [3 x %rt_value], [3 x %rt_value]* %args25, i64 0, i64 0
  %72 = getelementptr inbounds [3 x %rt_value], [3 x %rt_value]* %args25, i64 0, i64 0, i32 0
  store i32 4, i32* %72, align 8
  %73 = getelementptr inbounds [3 x %rt_value], [3 x %rt_value]* %args25, i64 0, i64 0, i32 1
  store i32 6, i32* %73, align 4
  %74 = getelementptr inbounds [3 x %rt_value], [3 x %rt_value]* %args25, i64 0, i64 0, i32 2
  store i64 ptrtoint ([7 x i8]* @.str.13 to i64), i64* %74, align 8
  %75 = getelementptr inbounds [3 x %rt_value], [3 x %rt_value]* %args25, i64 0, i64 1
  %76 = bitcast %rt_value* %75 to i8*
  call void @llvm.memset.p0i8.i64(i8* noundef nonnull align 8 dereferenceable(32) %76, i8 0, i64 32, i1 false)
  call void @rt_emit(%rt_call* nonnull %call, i32 1, %rt_value* nonnull %71, i32 3)
  call void @llvm.lifetime.end.p0i8(i64 48, i8* nonnull %70)
  store i32 29, i32* %0, align 4
  call void @rt_timer(%rt_call* nonnull %call, i32 0, i32 0)
  br label %common.ret

ask_ref.migrate:                                  ; preds = %b4.ask_ref.enter
  store i32 4, i32* %0, align 4
  br label %common.ret

thanks.migrate:                                   ; preds = %b5.thanks.enter
  store i32 5, i32* %0, align 4
  br label %common.ret

thanks.entered:                                   ; preds = %b5.thanks.enter
  %77 = bitcast [3 x %rt_value]* %args100 to i8*
  call void @llvm.lifetime.start.p0i8(i64 48, i8* nonnull %77)
  %78 = getelementptr inbounds [3 x %rt_value], [3 x %rt_value]* %args100, i64 0, i64 0
  call void @llvm.memset.p0i8.i64(i8* noundef nonnull align 8 dereferenceable(16) %77, i8 0, i64 16, i1 false)
  call void @rt_tmpl_begin(%rt_call* nonnull %call)
  call void @rt_tmpl_text(%rt_call* nonnull %call, i8* getelementptr inbounds ([12 x i8], [12 x i8]* @.str.15, i64 0, i64 0), i32 11)
  %79 = getelementptr inbounds %rt_call, %rt_call* %call, i64 0, i32 0
  %slots = load %rt_value*, %rt_value** %79, align 8
  %app.inputReader.ref = getelementptr inbounds %rt_value, %rt_value* %slots, i64 4
  call void @rt_tmpl_value(%rt_call* nonnull %call, %rt_value* nonnull %app.inputReader.ref, i32 0)
  call void @rt_tmpl_text(%rt_call* nonnull %call, i8* getelementptr inbounds ([2 x i8], [2 x i8]* @.str.16, i64 0, i64 0), i32 1)
  call void @rt_tmpl_end(%rt_call* nonnull %call, %rt_value* nonnull %78)
  %80 = getelementptr inbounds [3 x %rt_value], [3 x %rt_value]* %args100, i64 0, i64 1
  %81 = bitcast %rt_value* %80 to i8*
  call void @llvm.memset.p0i8.i64(i8* noundef nonnull align 8 dereferenceable(32) %81, i8 0, i64 32, i1 false)
  call void @rt_emit(%rt_call* nonnull %call, i32 1, %rt_value* nonnull %78, i32 3)
  call void @llvm.lifetime.end.p0i8(i64 48, i8* nonnull %77)
  store i32 53, i32* %0, align 4
  call void @rt_timer(%rt_call* nonnull %call, i32 0, i32 0)
  br label %common.ret

bye.migrate:                                      ; preds = %b6.bye.enter
  store i32 6, i32* %0, align 4
  br label %common.ret

bye.entered:                                      ; preds = %b6.bye.enter
  %82 = bitcast [1 x %rt_value]* %args107 to i8*
  call void @llvm.lifetime.start.p0i8(i64 16, i8* nonnull %82)
  %83 = getelementptr inbounds [1 x %rt_value], [1 x %rt_value]* %args107, i64 0, i64 0
  %84 = getelementptr inbounds [1 x %rt_value], [1 x %rt_value]* %args107, i64 0, i64 0, i32 0
  store i32 4, i32* %84, align 8
  %85 = getelementptr inbounds [1 x %rt_value], [1 x %rt_value]* %args107, i64 0, i64 0, i32 1
  store i32 19, i32* %85, align 4
  %86 = getelementptr inbounds [1 x %rt_value], [1 x %rt_value]* %args107, i64 0, i64 0, i32 2
  store i64 ptrtoint ([20 x i8]* @.str.17 to i64), i64* %86, align 8
  call void @rt_emit(%rt_call* nonnull %call, i32 5, %rt_value* nonnull %83, i32 1)
  call void @llvm.lifetime.end.p0i8(i64 16, i8* nonnull %82)
  call void @rt_end(%rt_call* nonnull %call, i8* getelementptr inbounds ([20 x i8], [20 x i8]* @.str.17, i64 0, i64 0))
  br label %common.ret

event.get:                                        ; preds = %event.kind6
  %87 = getelementptr inbounds %rt_event, %rt_event* %event5, i64 0, i32 2, i32 2
  %digits.bits = load i64, i64* %87, align 8
  %88 = getelementptr inbounds %rt_event, %rt_event* %event5, i64 0, i32 2, i32 1
  %digits.len = load i32, i32* %88, align 4
  %89 = getelementptr inbounds %rt_event, %rt_event* %event5, i64 0, i32 2, i32 0
  %digits.tag = load i32, i32* %89, align 4
  %90 = icmp eq i32 %digits.len, 1
  %91 = icmp eq i32 %digits.tag, 4
  %92 = and i1 %90, %91
  br i1 %92, label %streq.bytes, label %b11.main.invalid

streq.bytes:                                      ; preds = %event.get
  %str = inttoptr i64 %digits.bits to i8*
  %93 = load i8, i8* %str, align 1
  %94 = icmp eq i8 %93, 49
  br i1 %94, label %b24.main.exit.key1, label %streq.bytes22

event.kind6:                                      ; preds = %b13.main.collecting
  %95 = getelementptr inbounds %rt_event, %rt_event* %event5, i64 0, i32 0
  %event.kind7 = load i32, i32* %95, align 4
  switch i32 %event.kind7, label %b16.main.collecting.else [
    i32 6, label %b1.call.hangup
    i32 2, label %event.get
    i32 3, label %b10.main.no_input
  ]

streq.bytes22:                                    ; preds = %streq.bytes
  %phi.cast = inttoptr i64 %digits.bits to i8*
  %96 = load i8, i8* %phi.cast, align 1
  %97 = icmp eq i8 %96, 50
  br i1 %97, label %b26.main.exit.key2, label %b11.main.invalid

event.kind27:                                     ; preds = %b29.sales.playing
  %98 = getelementptr inbounds %rt_event, %rt_event* %event26, i64 0, i32 0
  %event.kind28 = load i32, i32* %98, align 4
  switch i32 %event.kind28, label %b31.sales.playing.else [
    i32 6, label %b1.call.hangup
    i32 1, label %b6.bye.enter
  ]

event.kind35:                                     ; preds = %event.kind83
  %99 = bitcast %rt_value* %out33 to i8*
  call void @llvm.lifetime.start.p0i8(i64 16, i8* nonnull %99)
  call void @llvm.memset.p0i8.i64(i8* noundef nonnull align 8 dereferenceable(16) %99, i8 0, i64 16, i1 false)
  %event.kind38 = load i32, i32* %151, align 4
  %100 = icmp eq i32 %event.kind38, 2
  br i1 %100, label %event.get36, label %event.value37

event.get36:                                      ; preds = %event.kind35
  %101 = getelementptr inbounds %rt_event, %rt_event* %event82, i64 0, i32 2, i32 0
  %digits.tag39 = load i32, i32* %101, align 4
  %102 = getelementptr inbounds %rt_event, %rt_event* %event82, i64 0, i32 2, i32 1
  %digits.len40 = load i32, i32* %102, align 4
  %103 = getelementptr inbounds %rt_event, %rt_event* %event82, i64 0, i32 2, i32 2
  %digits.bits41 = load i64, i64* %103, align 8
  br label %event.value37

event.value37:                                    ; preds = %event.get36, %event.kind35
  %104 = phi i32 [ 0, %event.kind35 ], [ %digits.tag39, %event.get36 ]
  %105 = phi i32 [ 0, %event.kind35 ], [ %digits.len40, %event.get36 ]
  %106 = phi i64 [ 0, %event.kind35 ], [ %digits.bits41, %event.get36 ]
  %107 = bitcast %rt_value* %v42 to i8*
  call void @llvm.lifetime.start.p0i8(i64 16, i8* nonnull %107)
  %108 = getelementptr inbounds %rt_value, %rt_value* %v42, i64 0, i32 0
  store i32 %104, i32* %108, align 8
  %109 = getelementptr inbounds %rt_value, %rt_value* %v42, i64 0, i32 1
  store i32 %105, i32* %109, align 4
  %110 = getelementptr inbounds %rt_value, %rt_value* %v42, i64 0, i32 2
  store i64 %106, i64* %110, align 8
  call void @rt_length(%rt_value* nonnull %v42, %rt_value* nonnull %out33)
  call void @llvm.lifetime.end.p0i8(i64 16, i8* nonnull %107)
  %111 = getelementptr inbounds %rt_value, %rt_value* %out33, i64 0, i32 0
  %out.tag43 = load i32, i32* %111, align 8
  %112 = getelementptr inbounds %rt_value, %rt_value* %out33, i64 0, i32 2
  %113 = bitcast i64* %112 to double*
  %out.bits45109 = load double, double* %113, align 8
  call void @llvm.lifetime.end.p0i8(i64 16, i8* nonnull %99)
  %114 = fcmp oge double %out.bits45109, 4.000000e+00
  %115 = icmp eq i32 %out.tag43, 3
  %116 = and i1 %115, %114
  br i1 %116, label %and.rhs, label %b37.ask_ref.invalid

and.rhs:                                          ; preds = %event.value37
  %117 = bitcast %rt_value* %out46 to i8*
  call void @llvm.lifetime.start.p0i8(i64 16, i8* nonnull %117)
  call void @llvm.memset.p0i8.i64(i8* noundef nonnull align 8 dereferenceable(16) %117, i8 0, i64 16, i1 false)
  %event47 = load %rt_event*, %rt_event** %64, align 8
  %118 = icmp eq %rt_event* %event47, null
  br i1 %118, label %event.value50, label %event.kind48

event.kind48:                                     ; preds = %and.rhs
  %119 = getelementptr inbounds %rt_event, %rt_event* %event47, i64 0, i32 0
  %event.kind51 = load i32, i32* %119, align 4
  %120 = icmp eq i32 %event.kind51, 2
  br i1 %120, label %event.get49, label %event.value50

event.get49:                                      ; preds = %event.kind48
  %121 = getelementptr inbounds %rt_event, %rt_event* %event47, i64 0, i32 2, i32 0
  %digits.tag52 = load i32, i32* %121, align 4
  %122 = getelementptr inbounds %rt_event, %rt_event* %event47, i64 0, i32 2, i32 1
  %digits.len53 = load i32, i32* %122, align 4
  %123 = getelementptr inbounds %rt_event, %rt_event* %event47, i64 0, i32 2, i32 2
  %digits.bits54 = load i64, i64* %123, align 8
  br label %event.value50

event.value50:                                    ; preds = %event.get49, %event.kind48, %and.rhs
  %124 = phi i32 [ 0, %and.rhs ], [ 0, %event.kind48 ], [ %digits.tag52, %event.get49 ]
  %125 = phi i32 [ 0, %and.rhs ], [ 0, %event.kind48 ], [ %digits.len53, %event.get49 ]
  %126 = phi i64 [ 0, %and.rhs ], [ 0, %event.kind48 ], [ %digits.bits54, %event.get49 ]
  %127 = bitcast %rt_value* %v55 to i8*
  call void @llvm.lifetime.start.p0i8(i64 16, i8* nonnull %127)
  %128 = getelementptr inbounds %rt_value, %rt_value* %v55, i64 0, i32 0
  store i32 %124, i32* %128, align 8
  %129 = getelementptr inbounds %rt_value, %rt_value* %v55, i64 0, i32 1
  store i32 %125, i32* %129, align 4
  %130 = getelementptr inbounds %rt_value, %rt_value* %v55, i64 0, i32 2
  store i64 %126, i64* %130, align 8
  call void @rt_length(%rt_value* nonnull %v55, %rt_value* nonnull %out46)
  call void @llvm.lifetime.end.p0i8(i64 16, i8* nonnull %127)
  %131 = getelementptr inbounds %rt_value, %rt_value* %out46, i64 0, i32 0
  %out.tag56 = load i32, i32* %131, align 8
  %132 = getelementptr inbounds %rt_value, %rt_value* %out46, i64 0, i32 2
  %133 = bitcast i64* %132 to double*
  %out.bits58110 = load double, double* %133, align 8
  call void @llvm.lifetime.end.p0i8(i64 16, i8* nonnull %117)
  %134 = fcmp ole double %out.bits58110, 4.000000e+00
  %135 = icmp eq i32 %out.tag56, 3
  %136 = and i1 %135, %134
  br i1 %136, label %and.rhs59, label %b37.ask_ref.invalid

and.rhs59:                                        ; preds = %event.value50
  %event61 = load %rt_event*, %rt_event** %64, align 8
  %137 = icmp eq %rt_event* %event61, null
  br i1 %137, label %event.value64, label %event.kind62

event.kind62:                                     ; preds = %and.rhs59
  %138 = getelementptr inbounds %rt_event, %rt_event* %event61, i64 0, i32 0
  %event.kind65 = load i32, i32* %138, align 4
  %139 = icmp eq i32 %event.kind65, 2
  br i1 %139, label %event.get63, label %event.value64

event.get63:                                      ; preds = %event.kind62
  %140 = getelementptr inbounds %rt_event, %rt_event* %event61, i64 0, i32 2, i32 0
  %digits.tag66 = load i32, i32* %140, align 4
  %141 = getelementptr inbounds %rt_event, %rt_event* %event61, i64 0, i32 2, i32 1
  %digits.len67 = load i32, i32* %141, align 4
  %142 = getelementptr inbounds %rt_event, %rt_event* %event61, i64 0, i32 2, i32 2
  %digits.bits68 = load i64, i64* %142, align 8
  br label %event.value64

event.value64:                                    ; preds = %event.get63, %event.kind62, %and.rhs59
  %143 = phi i32 [ 0, %and.rhs59 ], [ 0, %event.kind62 ], [ %digits.tag66, %event.get63 ]
  %144 = phi i32 [ 0, %and.rhs59 ], [ 0, %event.kind62 ], [ %digits.len67, %event.get63 ]
  %145 = phi i64 [ 0, %and.rhs59 ], [ 0, %event.kind62 ], [ %digits.bits68, %event.get63 ]
  %146 = bitcast %rt_value* %v69 to i8*
  call void @llvm.lifetime.start.p0i8(i64 16, i8* nonnull %146)
  %147 = getelementptr inbounds %rt_value, %rt_value* %v69, i64 0, i32 0
  store i32 %143, i32* %147, align 8
  %148 = getelementptr inbounds %rt_value, %rt_value* %v69, i64 0, i32 1
  store i32 %144, i32* %148, align 4
  %149 = getelementptr inbounds %rt_value, %rt_value* %v69, i64 0, i32 2
  store i64 %145, i64* %149, align 8
  %150 = call i32 @rt_matches(%rt_call* nonnull %call, i32 0, %rt_value* nonnull %v69)
  call void @llvm.lifetime.end.p0i8(i64 16, i8* nonnull %146)
  %.not111 = icmp eq i32 %150, 0
  br i1 %.not111, label %b37.ask_ref.invalid, label %b49.ask_ref.store

event.kind83:                                     ; preds = %b39.ask_ref.collecting
  %151 = getelementptr inbounds %rt_event, %rt_event* %event82, i64 0, i32 0
  %event.kind84 = load i32, i32* %151, align 4
  switch i32 %event.kind84, label %b42.ask_ref.collecting.else [
    i32 6, label %b1.call.hangup
    i32 2, label %event.kind35
    i32 3, label %b36.ask_ref.no_input
  ]

event.kind92:                                     ; preds = %b49.ask_ref.store
  %152 = getelementptr inbounds %rt_event, %rt_event* %event91, i64 0, i32 0
  %event.kind95 = load i32, i32* %152, align 4
  %153 = icmp eq i32 %event.kind95, 2
  br i1 %153, label %event.get93, label %event.value94

event.get93:                                      ; preds = %event.kind92
  %154 = getelementptr inbounds %rt_event, %rt_event* %event91, i64 0, i32 2, i32 0
  %digits.tag96 = load i32, i32* %154, align 4
  %155 = getelementptr inbounds %rt_event, %rt_event* %event91, i64 0, i32 2, i32 1
  %digits.len97 = load i32, i32* %155, align 4
  %156 = getelementptr inbounds %rt_event, %rt_event* %event91, i64 0, i32 2, i32 2
  %digits.bits98 = load i64, i64* %156, align 8
  br label %event.value94

event.value94:                                    ; preds = %event.get93, %event.kind92, %b49.ask_ref.store
  %157 = phi i32 [ 0, %b49.ask_ref.store ], [ 0, %event.kind92 ], [ %digits.tag96, %event.get93 ]
  %158 = phi i32 [ 0, %b49.ask_ref.store ], [ 0, %event.kind92 ], [ %digits.len97, %event.get93 ]
  %159 = phi i64 [ 0, %b49.ask_ref.store ], [ 0, %event.kind92 ], [ %digits.bits98, %event.get93 ]
  %160 = bitcast %rt_value* %v99 to i8*
  call void @llvm.lifetime.start.p0i8(i64 16, i8* nonnull %160)
  %161 = getelementptr inbounds %rt_value, %rt_value* %v99, i64 0, i32 0
  store i32 %157, i32* %161, align 8
  %162 = getelementptr inbounds %rt_value, %rt_value* %v99, i64 0, i32 1
  store i32 %158, i32* %162, align 4
  %163 = getelementptr inbounds %rt_value, %rt_value* %v99, i64 0, i32 2
  store i64 %159, i64* %163, align 8
  call void @rt_set_slot(%rt_call* nonnull %call, i32 4, %rt_value* nonnull %v99)
  call void @llvm.lifetime.end.p0i8(i64 16, i8* nonnull %160)
  br label %b5.thanks.enter

event.kind102:                                    ; preds = %b53.thanks.playing
  %164 = getelementptr inbounds %rt_event, %rt_event* %event101, i64 0, i32 0
  %event.kind103 = load i32, i32* %164, align 4
  switch i32 %event.kind103, label %b55.thanks.playing.else [
    i32 6, label %b1.call.hangup
    i32 1, label %b6.bye.enter
  ]
}

declare void @rt_end(%rt_call*, i8*) local_unnamed_addr

declare i32 @rt_enter_module(%rt_call*, i32) local_unnamed_addr

; Function Attrs: argmemonly mustprogress nofree nosync nounwind willreturn
declare void @llvm.lifetime.start.p0i8(i64 immarg, i8* nocapture) #0

; Function Attrs: argmemonly mustprogress nofree nounwind willreturn writeonly
declare void @llvm.memset.p0i8.i64(i8* nocapture writeonly, i8, i64, i1 immarg) #1

declare void @rt_emit(%rt_call*, i32, %rt_value*, i32) local_unnamed_addr

; Function Attrs: argmemonly mustprogress nofree nosync nounwind willreturn
declare void @llvm.lifetime.end.p0i8(i64 immarg, i8* nocapture) #0

declare void @rt_timer(%rt_call*, i32, i32) local_unnamed_addr

declare void @rt_trace(%rt_call*, i8*) local_unnamed_addr

declare void @rt_length(%rt_value*, %rt_value*) local_unnamed_addr

declare i32 @rt_matches(%rt_call*, i32, %rt_value*) local_unnamed_addr

declare void @rt_set_slot(%rt_call*, i32, %rt_value*) local_unnamed_addr

declare void @rt_tmpl_begin(%rt_call*) local_unnamed_addr

declare void @rt_tmpl_text(%rt_call*, i8*, i32) local_unnamed_addr

declare void @rt_tmpl_value(%rt_call*, %rt_value*, i32) local_unnamed_addr

declare void @rt_tmpl_end(%rt_call*, %rt_value*) local_unnamed_addr

attributes #0 = { argmemonly mustprogress nofree nosync nounwind willreturn }
attributes #1 = { argmemonly mustprogress nofree nounwind willreturn writeonly }

!0 = !{!"branch_weights", i32 1000, i32 1}
