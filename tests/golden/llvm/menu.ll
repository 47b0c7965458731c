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
  %args122 = alloca [1 x %rt_value], align 8
  %args113 = alloca [3 x %rt_value], align 8
  %v109 = alloca %rt_value, align 8
  %v108 = alloca %rt_value, align 8
  %v107 = alloca %rt_value, align 8
  %v74 = alloca %rt_value, align 8
  %v60 = alloca %rt_value, align 8
  %v59 = alloca %rt_value, align 8
  %v47 = alloca %rt_value, align 8
  %v46 = alloca %rt_value, align 8
  %args37 = alloca [8 x %rt_value], align 8
  %args28 = alloca [3 x %rt_value], align 8
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

b1.call.hangup:                                   ; preds = %event.kind115, %event.kind88, %event.kind30, %event.kind7
  tail call void @rt_end(%rt_call* nonnull %call, i8* getelementptr inbounds ([15 x i8], [15 x i8]* @.str.1, i64 0, i64 0))
  br label %common.ret

b2.main.enter:                                    ; preds = %entry, %entry
  %1 = tail call i32 @rt_enter_module(%rt_call* nonnull %call, i32 0)
  %.not131 = icmp eq i32 %1, 0
  br i1 %.not131, label %main.entered, label %main.migrate, !prof !0

b3.sales.enter:                                   ; preds = %b24.main.exit.key1, %entry
  %2 = tail call i32 @rt_enter_module(%rt_call* nonnull %call, i32 1)
  %.not130 = icmp eq i32 %2, 0
  br i1 %.not130, label %sales.entered, label %sales.migrate, !prof !0

b4.ask_ref.enter:                                 ; preds = %b26.main.exit.key2, %entry
  %3 = tail call i32 @rt_enter_module(%rt_call* nonnull %call, i32 2)
  %.not129 = icmp eq i32 %3, 0
  br i1 %.not129, label %b34.ask_ref.ask, label %ask_ref.migrate, !prof !0

b5.thanks.enter:                                  ; preds = %event.value102, %entry
  %4 = call i32 @rt_enter_module(%rt_call* nonnull %call, i32 3)
  %.not127 = icmp eq i32 %4, 0
  br i1 %.not127, label %thanks.entered, label %thanks.migrate, !prof !0

b6.bye.enter:                                     ; preds = %event.kind115, %event.kind30, %b46.ask_ref.exhausted_invalid, %b43.ask_ref.exhausted_timeout, %b20.main.exhausted_invalid, %b17.main.exhausted_timeout, %entry
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
  %14 = getelementptr inbounds [8 x %rt_value], [8 x %rt_value]* %args, i64 0, i64 2, i32 0
  %15 = getelementptr inbounds [8 x %rt_value], [8 x %rt_value]* %args, i64 0, i64 3, i32 0
  %16 = bitcast i32* %14 to i8*
  call void @llvm.memset.p0i8.i64(i8* noundef nonnull align 8 dereferenceable(16) %16, i8 0, i64 16, i1 false)
  store i32 3, i32* %15, align 8
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
  %22 = getelementptr inbounds [8 x %rt_value], [8 x %rt_value]* %args, i64 0, i64 5, i32 0
  %23 = bitcast i32* %22 to i8*
  call void @llvm.memset.p0i8.i64(i8* noundef nonnull align 8 dereferenceable(48) %23, i8 0, i64 48, i1 false)
  call void @rt_emit(%rt_call* nonnull %call, i32 2, %rt_value* nonnull %7, i32 8)
  call void @llvm.lifetime.end.p0i8(i64 128, i8* nonnull %6)
  store i32 13, i32* %0, align 4
  call void @rt_timer(%rt_call* nonnull %call, i32 0, i32 0)
  br label %common.ret

b10.main.no_input:                                ; preds = %event.kind7
  tail call void @rt_trace(%rt_call* nonnull %call, i8* getelementptr inbounds ([9 x i8], [9 x i8]* @.str.4, i64 0, i64 0))
  %24 = getelementptr inbounds %rt_call, %rt_call* %call, i64 0, i32 4
  %attempts = load i32, i32* %24, align 4
  %25 = icmp ult i32 %attempts, 2
  br i1 %25, label %b12.main.retry, label %b17.main.exhausted_timeout

b12.main.retry:                                   ; preds = %b25.main.choice, %b10.main.no_input
  %attempts3 = phi i32 [ %attempts2, %b25.main.choice ], [ %attempts, %b10.main.no_input ]
  %26 = getelementptr inbounds %rt_call, %rt_call* %call, i64 0, i32 4
  %27 = uitofp i32 %attempts3 to double
  %28 = fadd double %27, 1.000000e+00
  %29 = fcmp olt double %28, 0x43E0000000000000
  %30 = fcmp ogt double %28, 0.000000e+00
  %31 = and i1 %30, %29
  %32 = fptosi double %28 to i64
  %33 = trunc i64 %32 to i32
  %34 = select i1 %31, i32 %33, i32 0
  store i32 %34, i32* %26, align 4
  br label %b8.main.ask

b13.main.collecting:                              ; preds = %entry
  %35 = getelementptr inbounds %rt_call, %rt_call* %call, i64 0, i32 2
  %event6 = load %rt_event*, %rt_event** %35, align 8
  %36 = icmp eq %rt_event* %event6, null
  br i1 %36, label %b16.main.collecting.else, label %event.kind7

b16.main.collecting.else:                         ; preds = %event.kind7, %b13.main.collecting
  store i32 13, i32* %0, align 4
  br label %common.ret

b17.main.exhausted_timeout:                       ; preds = %b10.main.no_input
  tail call void @rt_trace(%rt_call* nonnull %call, i8* getelementptr inbounds ([26 x i8], [26 x i8]* @.str.6, i64 0, i64 0))
  tail call void @rt_trace(%rt_call* nonnull %call, i8* getelementptr inbounds ([24 x i8], [24 x i8]* @.str.7, i64 0, i64 0))
  br label %b6.bye.enter

b20.main.exhausted_invalid:                       ; preds = %b25.main.choice
  tail call void @rt_trace(%rt_call* nonnull %call, i8* getelementptr inbounds ([31 x i8], [31 x i8]* @.str.8, i64 0, i64 0))
  tail call void @rt_trace(%rt_call* nonnull %call, i8* getelementptr inbounds ([24 x i8], [24 x i8]* @.str.9, i64 0, i64 0))
  br label %b6.bye.enter

b24.main.exit.key1:                               ; preds = %streq.bytes
  tail call void @rt_trace(%rt_call* nonnull %call, i8* getelementptr inbounds ([21 x i8], [21 x i8]* @.str.11, i64 0, i64 0))
  br label %b3.sales.enter

b25.main.choice:                                  ; preds = %event.get, %streq.bytes25
  tail call void @rt_trace(%rt_call* nonnull %call, i8* getelementptr inbounds ([14 x i8], [14 x i8]* @.str.5, i64 0, i64 0))
  %37 = getelementptr inbounds %rt_call, %rt_call* %call, i64 0, i32 4
  %attempts2 = load i32, i32* %37, align 4
  %38 = icmp ult i32 %attempts2, 2
  br i1 %38, label %b12.main.retry, label %b20.main.exhausted_invalid

b26.main.exit.key2:                               ; preds = %streq.bytes25
  tail call void @rt_trace(%rt_call* nonnull %call, i8* getelementptr inbounds ([23 x i8], [23 x i8]* @.str.12, i64 0, i64 0))
  br label %b4.ask_ref.enter

b29.sales.playing:                                ; preds = %entry
  %39 = getelementptr inbounds %rt_call, %rt_call* %call, i64 0, i32 2
  %event29 = load %rt_event*, %rt_event** %39, align 8
  %40 = icmp eq %rt_event* %event29, null
  br i1 %40, label %b31.sales.playing.else, label %event.kind30

b31.sales.playing.else:                           ; preds = %event.kind30, %b29.sales.playing
  store i32 29, i32* %0, align 4
  br label %common.ret

b34.ask_ref.ask:                                  ; preds = %b4.ask_ref.enter, %b36.ask_ref.no_input, %b37.ask_ref.invalid
  %.sink = phi i32 [ 1, %b37.ask_ref.invalid ], [ 1, %b36.ask_ref.no_input ], [ 0, %b4.ask_ref.enter ]
  %41 = getelementptr inbounds %rt_call, %rt_call* %call, i64 0, i32 4
  store i32 %.sink, i32* %41, align 4
  %42 = bitcast [8 x %rt_value]* %args37 to i8*
  call void @llvm.lifetime.start.p0i8(i64 128, i8* nonnull %42)
  %43 = getelementptr inbounds [8 x %rt_value], [8 x %rt_value]* %args37, i64 0, i64 0
  %44 = getelementptr inbounds [8 x %rt_value], [8 x %rt_value]* %args37, i64 0, i64 0, i32 0
  store i32 3, i32* %44, align 8
  %45 = getelementptr inbounds [8 x %rt_value], [8 x %rt_value]* %args37, i64 0, i64 0, i32 1
  store i32 0, i32* %45, align 4
  %46 = getelementptr inbounds [8 x %rt_value], [8 x %rt_value]* %args37, i64 0, i64 0, i32 2
  store i64 4616189618054758400, i64* %46, align 8
  %47 = getelementptr inbounds [8 x %rt_value], [8 x %rt_value]* %args37, i64 0, i64 1, i32 0
  store i32 3, i32* %47, align 8
  %48 = getelementptr inbounds [8 x %rt_value], [8 x %rt_value]* %args37, i64 0, i64 1, i32 1
  store i32 0, i32* %48, align 4
  %49 = getelementptr inbounds [8 x %rt_value], [8 x %rt_value]* %args37, i64 0, i64 1, i32 2
  store i64 4616189618054758400, i64* %49, align 8
  %50 = getelementptr inbounds [8 x %rt_value], [8 x %rt_value]* %args37, i64 0, i64 2, i32 0
  %51 = getelementptr inbounds [8 x %rt_value], [8 x %rt_value]* %args37, i64 0, i64 3, i32 0
  %52 = bitcast i32* %50 to i8*
  call void @llvm.memset.p0i8.i64(i8* noundef nonnull align 8 dereferenceable(16) %52, i8 0, i64 16, i1 false)
  store i32 3, i32* %51, align 8
  %53 = getelementptr inbounds [8 x %rt_value], [8 x %rt_value]* %args37, i64 0, i64 3, i32 1
  store i32 0, i32* %53, align 4
  %54 = getelementptr inbounds [8 x %rt_value], [8 x %rt_value]* %args37, i64 0, i64 3, i32 2
  store i64 4663319084467748864, i64* %54, align 8
  %55 = getelementptr inbounds [8 x %rt_value], [8 x %rt_value]* %args37, i64 0, i64 4, i32 0
  store i32 4, i32* %55, align 8
  %56 = getelementptr inbounds [8 x %rt_value], [8 x %rt_value]* %args37, i64 0, i64 4, i32 1
  store i32 34, i32* %56, align 4
  %57 = getelementptr inbounds [8 x %rt_value], [8 x %rt_value]* %args37, i64 0, i64 4, i32 2
  store i64 ptrtoint ([35 x i8]* @.str.14 to i64), i64* %57, align 8
  %58 = getelementptr inbounds [8 x %rt_value], [8 x %rt_value]* %args37, i64 0, i64 5, i32 0
  %59 = bitcast i32* %58 to i8*
  call void @llvm.memset.p0i8.i64(i8* noundef nonnull align 8 dereferenceable(48) %59, i8 0, i64 48, i1 false)
  call void @rt_emit(%rt_call* nonnull %call, i32 2, %rt_value* nonnull %43, i32 8)
  call void @llvm.lifetime.end.p0i8(i64 128, i8* nonnull %42)
  store i32 39, i32* %0, align 4
  call void @rt_timer(%rt_call* nonnull %call, i32 0, i32 0)
  br label %common.ret

b36.ask_ref.no_input:                             ; preds = %event.kind88
  tail call void @rt_trace(%rt_call* nonnull %call, i8* getelementptr inbounds ([9 x i8], [9 x i8]* @.str.4, i64 0, i64 0))
  %60 = getelementptr inbounds %rt_call, %rt_call* %call, i64 0, i32 4
  %attempts75 = load i32, i32* %60, align 4
  %61 = icmp eq i32 %attempts75, 0
  br i1 %61, label %b34.ask_ref.ask, label %b43.ask_ref.exhausted_timeout

b37.ask_ref.invalid:                              ; preds = %event.value41, %event.value54, %event.value69
  call void @rt_trace(%rt_call* nonnull %call, i8* getelementptr inbounds ([14 x i8], [14 x i8]* @.str.5, i64 0, i64 0))
  %62 = getelementptr inbounds %rt_call, %rt_call* %call, i64 0, i32 4
  %attempts76 = load i32, i32* %62, align 4
  %63 = icmp eq i32 %attempts76, 0
  br i1 %63, label %b34.ask_ref.ask, label %b46.ask_ref.exhausted_invalid

b39.ask_ref.collecting:                           ; preds = %entry
  %64 = getelementptr inbounds %rt_call, %rt_call* %call, i64 0, i32 2
  %event87 = load %rt_event*, %rt_event** %64, align 8
  %65 = icmp eq %rt_event* %event87, null
  br i1 %65, label %b42.ask_ref.collecting.else, label %event.kind88

b42.ask_ref.collecting.else:                      ; preds = %event.kind88, %b39.ask_ref.collecting
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

b49.ask_ref.store:                                ; preds = %event.value69
  %event99 = load %rt_event*, %rt_event** %64, align 8
  %66 = icmp eq %rt_event* %event99, null
  br i1 %66, label %event.value102, label %event.kind100

b53.thanks.playing:                               ; preds = %entry
  %67 = getelementptr inbounds %rt_call, %rt_call* %call, i64 0, i32 2
  %event114 = load %rt_event*, %rt_event** %67, align 8
  %68 = icmp eq %rt_event* %event114, null
  br i1 %68, label %b55.thanks.playing.else, label %event.kind115

b55.thanks.playing.else:                          ; preds = %event.kind115, %b53.thanks.playing
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
  %70 = bitcast [3 x %rt_value]* %args28 to i8*
  call void @llvm.lifetime.start.p0i8(i64 48, i8* nonnull %70)
  %71 = getelementptr inbounds [3 x %rt_value], [3 x %rt_value]* %args28, i64 0, i64 0
  %72 = getelementptr inbounds [3 x %rt_value], [3 x %rt_value]* %args28, i64 0, i64 0, i32 0
  store i32 4, i32* %72, align 8
  %73 = getelementptr inbounds [3 x %rt_value], [3 x %rt_value]* %args28, i64 0, i64 0, i32 1
  store i32 6, i32* %73, align 4
  %74 = getelementptr inbounds [3 x %rt_value], [3 x %rt_value]* %args28, i64 0, i64 0, i32 2
  store i64 ptrtoint ([7 x i8]* @.str.13 to i64), i64* %74, align 8
  %75 = getelementptr inbounds [3 x %rt_value], [3 x %rt_value]* %args28, i64 0, i64 1, i32 0
  %76 = bitcast i32* %75 to i8*
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
  call void @rt_tmpl_begin(%rt_call* nonnull %call)
  call void @rt_tmpl_text(%rt_call* nonnull %call, i8* getelementptr inbounds ([12 x i8], [12 x i8]* @.str.15, i64 0, i64 0), i32 11)
  %77 = getelementptr inbounds %rt_call, %rt_call* %call, i64 0, i32 0
  %slots = load %rt_value*, %rt_value** %77, align 8
  %78 = getelementptr inbounds %rt_value, %rt_value* %slots, i64 4, i32 0
  %app.inputReader.ref.tag = load i32, i32* %78, align 4
  %79 = getelementptr inbounds %rt_value, %rt_value* %slots, i64 4, i32 1
  %app.inputReader.ref.len = load i32, i32* %79, align 4
  %80 = getelementptr inbounds %rt_value, %rt_value* %slots, i64 4, i32 2
  %app.inputReader.ref.bits = load i64, i64* %80, align 8
  %81 = bitcast %rt_value* %v108 to i8*
  call void @llvm.lifetime.start.p0i8(i64 16, i8* nonnull %81)
  %82 = getelementptr inbounds %rt_value, %rt_value* %v108, i64 0, i32 0
  store i32 %app.inputReader.ref.tag, i32* %82, align 8
  %83 = getelementptr inbounds %rt_value, %rt_value* %v108, i64 0, i32 1
  store i32 %app.inputReader.ref.len, i32* %83, align 4
  %84 = getelementptr inbounds %rt_value, %rt_value* %v108, i64 0, i32 2
  store i64 %app.inputReader.ref.bits, i64* %84, align 8
  call void @rt_tmpl_value(%rt_call* nonnull %call, %rt_value* nonnull %v108, i32 0)
  call void @llvm.lifetime.end.p0i8(i64 16, i8* nonnull %81)
  call void @rt_tmpl_text(%rt_call* nonnull %call, i8* getelementptr inbounds ([2 x i8], [2 x i8]* @.str.16, i64 0, i64 0), i32 1)
  %85 = bitcast %rt_value* %v109 to i8*
  call void @llvm.lifetime.start.p0i8(i64 16, i8* nonnull %85)
  %86 = getelementptr inbounds %rt_value, %rt_value* %v109, i64 0, i32 0
  %87 = getelementptr inbounds %rt_value, %rt_value* %v109, i64 0, i32 1
  %88 = getelementptr inbounds %rt_value, %rt_value* %v109, i64 0, i32 2
  %89 = bitcast %rt_value* %v109 to i8*
  call void @llvm.memset.p0i8.i64(i8* noundef nonnull align 8 dereferenceable(16) %89, i8 0, i64 16, i1 false)
  call void @rt_tmpl_end(%rt_call* nonnull %call, %rt_value* nonnull %v109)
  %out.tag110 = load i32, i32* %86, align 8
  %out.len111 = load i32, i32* %87, align 4
  %out.bits112 = load i64, i64* %88, align 8
  call void @llvm.lifetime.end.p0i8(i64 16, i8* nonnull %85)
  %90 = bitcast [3 x %rt_value]* %args113 to i8*
  call void @llvm.lifetime.start.p0i8(i64 48, i8* nonnull %90)
  %91 = getelementptr inbounds [3 x %rt_value], [3 x %rt_value]* %args113, i64 0, i64 0
  %92 = getelementptr inbounds [3 x %rt_value], [3 x %rt_value]* %args113, i64 0, i64 0, i32 0
  store i32 %out.tag110, i32* %92, align 8
  %93 = getelementptr inbounds [3 x %rt_value], [3 x %rt_value]* %args113, i64 0, i64 0, i32 1
  store i32 %out.len111, i32* %93, align 4
  %94 = getelementptr inbounds [3 x %rt_value], [3 x %rt_value]* %args113, i64 0, i64 0, i32 2
  store i64 %out.bits112, i64* %94, align 8
  %95 = getelementptr inbounds [3 x %rt_value], [3 x %rt_value]* %args113, i64 0, i64 1, i32 0
  %96 = bitcast i32* %95 to i8*
  call void @llvm.memset.p0i8.i64(i8* noundef nonnull align 8 dereferenceable(32) %96, i8 0, i64 32, i1 false)
  call void @rt_emit(%rt_call* nonnull %call, i32 1, %rt_value* nonnull %91, i32 3)
  call void @llvm.lifetime.end.p0i8(i64 48, i8* nonnull %90)
  store i32 53, i32* %0, align 4
  call void @rt_timer(%rt_call* nonnull %call, i32 0, i32 0)
  br label %common.ret

bye.migrate:                                      ; preds = %b6.bye.enter
  store i32 6, i32* %0, align 4
  br label %common.ret

bye.entered:                                      ; preds = %b6.bye.enter
  %97 = bitcast [1 x %rt_value]* %args122 to i8*
  call void @llvm.lifetime.start.p0i8(i64 16, i8* nonnull %97)
  %98 = getelementptr inbounds [1 x %rt_value], [1 x %rt_value]* %args122, i64 0, i64 0
  %99 = getelementptr inbounds [1 x %rt_value], [1 x %rt_value]* %args122, i64 0, i64 0, i32 0
  store i32 4, i32* %99, align 8
  %100 = getelementptr inbounds [1 x %rt_value], [1 x %rt_value]* %args122, i64 0, i64 0, i32 1
  store i32 19, i32* %100, align 4
  %101 = getelementptr inbounds [1 x %rt_value], [1 x %rt_value]* %args122, i64 0, i64 0, i32 2
  store i64 ptrtoint ([20 x i8]* @.str.17 to i64), i64* %101, align 8
  call void @rt_emit(%rt_call* nonnull %call, i32 5, %rt_value* nonnull %98, i32 1)
  call void @llvm.lifetime.end.p0i8(i64 16, i8* nonnull %97)
  call void @rt_end(%rt_call* nonnull %call, i8* getelementptr inbounds ([20 x i8], [20 x i8]* @.str.17, i64 0, i64 0))
  br label %common.ret

event.get:                                        ; preds = %event.kind7
  %102 = getelementptr inbounds %rt_event, %rt_event* %event6, i64 0, i32 2, i32 2
  %digits.bits = load i64, i64* %102, align 8
  %103 = getelementptr inbounds %rt_event, %rt_event* %event6, i64 0, i32 2, i32 1
  %digits.len = load i32, i32* %103, align 4
  %104 = getelementptr inbounds %rt_event, %rt_event* %event6, i64 0, i32 2, i32 0
  %digits.tag = load i32, i32* %104, align 4
  %105 = icmp eq i32 %digits.len, 1
  %106 = icmp eq i32 %digits.tag, 4
  %107 = and i1 %105, %106
  br i1 %107, label %streq.bytes, label %b25.main.choice

streq.bytes:                                      ; preds = %event.get
  %str = inttoptr i64 %digits.bits to i8*
  %108 = load i8, i8* %str, align 1
  %109 = icmp eq i8 %108, 49
  br i1 %109, label %b24.main.exit.key1, label %streq.bytes25

event.kind7:                                      ; preds = %b13.main.collecting
  %110 = getelementptr inbounds %rt_event, %rt_event* %event6, i64 0, i32 0
  %event.kind8 = load i32, i32* %110, align 4
  switch i32 %event.kind8, label %b16.main.collecting.else [
    i32 6, label %b1.call.hangup
    i32 2, label %event.get
    i32 3, label %b10.main.no_input
  ]

streq.bytes25:                                    ; preds = %streq.bytes
  %phi.cast = inttoptr i64 %digits.bits to i8*
  %111 = load i8, i8* %phi.cast, align 1
  %112 = icmp eq i8 %111, 50
  br i1 %112, label %b26.main.exit.key2, label %b25.main.choice

event.kind30:                                     ; preds = %b29.sales.playing
  %113 = getelementptr inbounds %rt_event, %rt_event* %event29, i64 0, i32 0
  %event.kind32 = load i32, i32* %113, align 4
  switch i32 %event.kind32, label %b31.sales.playing.else [
    i32 6, label %b1.call.hangup
    i32 1, label %b6.bye.enter
  ]

event.value41:                                    ; preds = %event.kind88
  %114 = getelementptr inbounds %rt_event, %rt_event* %event87, i64 0, i32 2, i32 2
  %digits.bits45 = load i64, i64* %114, align 8
  %115 = getelementptr inbounds %rt_event, %rt_event* %event87, i64 0, i32 2, i32 1
  %digits.len44 = load i32, i32* %115, align 4
  %116 = getelementptr inbounds %rt_event, %rt_event* %event87, i64 0, i32 2, i32 0
  %digits.tag43 = load i32, i32* %116, align 4
  %117 = bitcast %rt_value* %v46 to i8*
  call void @llvm.lifetime.start.p0i8(i64 16, i8* nonnull %117)
  %118 = getelementptr inbounds %rt_value, %rt_value* %v46, i64 0, i32 0
  store i32 %digits.tag43, i32* %118, align 8
  %119 = getelementptr inbounds %rt_value, %rt_value* %v46, i64 0, i32 1
  store i32 %digits.len44, i32* %119, align 4
  %120 = getelementptr inbounds %rt_value, %rt_value* %v46, i64 0, i32 2
  store i64 %digits.bits45, i64* %120, align 8
  %121 = bitcast %rt_value* %v47 to i8*
  call void @llvm.lifetime.start.p0i8(i64 16, i8* nonnull %121)
  %122 = getelementptr inbounds %rt_value, %rt_value* %v47, i64 0, i32 0
  %123 = getelementptr inbounds %rt_value, %rt_value* %v47, i64 0, i32 2
  %124 = bitcast %rt_value* %v47 to i8*
  call void @llvm.memset.p0i8.i64(i8* noundef nonnull align 8 dereferenceable(16) %124, i8 0, i64 16, i1 false)
  call void @rt_length(%rt_value* nonnull %v46, %rt_value* nonnull %v47)
  %out.tag48 = load i32, i32* %122, align 8
  %125 = bitcast i64* %123 to double*
  %out.bits50124 = load double, double* %125, align 8
  call void @llvm.lifetime.end.p0i8(i64 16, i8* nonnull %121)
  call void @llvm.lifetime.end.p0i8(i64 16, i8* nonnull %117)
  %126 = fcmp oge double %out.bits50124, 4.000000e+00
  %127 = icmp eq i32 %out.tag48, 3
  %128 = and i1 %127, %126
  br i1 %128, label %and.rhs, label %b37.ask_ref.invalid

and.rhs:                                          ; preds = %event.value41
  %event51 = load %rt_event*, %rt_event** %64, align 8
  %129 = icmp eq %rt_event* %event51, null
  br i1 %129, label %event.value54, label %event.kind52

event.kind52:                                     ; preds = %and.rhs
  %130 = getelementptr inbounds %rt_event, %rt_event* %event51, i64 0, i32 0
  %event.kind55 = load i32, i32* %130, align 4
  %131 = icmp eq i32 %event.kind55, 2
  br i1 %131, label %event.get53, label %event.value54

event.get53:                                      ; preds = %event.kind52
  %132 = getelementptr inbounds %rt_event, %rt_event* %event51, i64 0, i32 2, i32 0
  %digits.tag56 = load i32, i32* %132, align 4
  %133 = getelementptr inbounds %rt_event, %rt_event* %event51, i64 0, i32 2, i32 1
  %digits.len57 = load i32, i32* %133, align 4
  %134 = getelementptr inbounds %rt_event, %rt_event* %event51, i64 0, i32 2, i32 2
  %digits.bits58 = load i64, i64* %134, align 8
  br label %event.value54

event.value54:                                    ; preds = %event.get53, %event.kind52, %and.rhs
  %135 = phi i32 [ 0, %and.rhs ], [ 0, %event.kind52 ], [ %digits.tag56, %event.get53 ]
  %136 = phi i32 [ 0, %and.rhs ], [ 0, %event.kind52 ], [ %digits.len57, %event.get53 ]
  %137 = phi i64 [ 0, %and.rhs ], [ 0, %event.kind52 ], [ %digits.bits58, %event.get53 ]
  %138 = bitcast %rt_value* %v59 to i8*
  call void @llvm.lifetime.start.p0i8(i64 16, i8* nonnull %138)
  %139 = getelementptr inbounds %rt_value, %rt_value* %v59, i64 0, i32 0
  store i32 %135, i32* %139, align 8
  %140 = getelementptr inbounds %rt_value, %rt_value* %v59, i64 0, i32 1
  store i32 %136, i32* %140, align 4
  %141 = getelementptr inbounds %rt_value, %rt_value* %v59, i64 0, i32 2
  store i64 %137, i64* %141, align 8
  %142 = bitcast %rt_value* %v60 to i8*
  call void @llvm.lifetime.start.p0i8(i64 16, i8* nonnull %142)
  %143 = getelementptr inbounds %rt_value, %rt_value* %v60, i64 0, i32 0
  %144 = getelementptr inbounds %rt_value, %rt_value* %v60, i64 0, i32 2
  %145 = bitcast %rt_value* %v60 to i8*
  call void @llvm.memset.p0i8.i64(i8* noundef nonnull align 8 dereferenceable(16) %145, i8 0, i64 16, i1 false)
  call void @rt_length(%rt_value* nonnull %v59, %rt_value* nonnull %v60)
  %out.tag61 = load i32, i32* %143, align 8
  %146 = bitcast i64* %144 to double*
  %out.bits63125 = load double, double* %146, align 8
  call void @llvm.lifetime.end.p0i8(i64 16, i8* nonnull %142)
  call void @llvm.lifetime.end.p0i8(i64 16, i8* nonnull %138)
  %147 = fcmp ole double %out.bits63125, 4.000000e+00
  %148 = icmp eq i32 %out.tag61, 3
  %149 = and i1 %148, %147
  br i1 %149, label %and.rhs64, label %b37.ask_ref.invalid

and.rhs64:                                        ; preds = %event.value54
  %event66 = load %rt_event*, %rt_event** %64, align 8
  %150 = icmp eq %rt_event* %event66, null
  br i1 %150, label %event.value69, label %event.kind67

event.kind67:                                     ; preds = %and.rhs64
  %151 = getelementptr inbounds %rt_event, %rt_event* %event66, i64 0, i32 0
  %event.kind70 = load i32, i32* %151, align 4
  %152 = icmp eq i32 %event.kind70, 2
  br i1 %152, label %event.get68, label %event.value69

event.get68:                                      ; preds = %event.kind67
  %153 = getelementptr inbounds %rt_event, %rt_event* %event66, i64 0, i32 2, i32 0
  %digits.tag71 = load i32, i32* %153, align 4
  %154 = getelementptr inbounds %rt_event, %rt_event* %event66, i64 0, i32 2, i32 1
  %digits.len72 = load i32, i32* %154, align 4
  %155 = getelementptr inbounds %rt_event, %rt_event* %event66, i64 0, i32 2, i32 2
  %digits.bits73 = load i64, i64* %155, align 8
  br label %event.value69

event.value69:                                    ; preds = %event.get68, %event.kind67, %and.rhs64
  %156 = phi i32 [ 0, %and.rhs64 ], [ 0, %event.kind67 ], [ %digits.tag71, %event.get68 ]
  %157 = phi i32 [ 0, %and.rhs64 ], [ 0, %event.kind67 ], [ %digits.len72, %event.get68 ]
  %158 = phi i64 [ 0, %and.rhs64 ], [ 0, %event.kind67 ], [ %digits.bits73, %event.get68 ]
  %159 = bitcast %rt_value* %v74 to i8*
  call void @llvm.lifetime.start.p0i8(i64 16, i8* nonnull %159)
  %160 = getelementptr inbounds %rt_value, %rt_value* %v74, i64 0, i32 0
  store i32 %156, i32* %160, align 8
  %161 = getelementptr inbounds %rt_value, %rt_value* %v74, i64 0, i32 1
  store i32 %157, i32* %161, align 4
  %162 = getelementptr inbounds %rt_value, %rt_value* %v74, i64 0, i32 2
  store i64 %158, i64* %162, align 8
  %163 = call i32 @rt_matches(%rt_call* nonnull %call, i32 0, %rt_value* nonnull %v74)
  call void @llvm.lifetime.end.p0i8(i64 16, i8* nonnull %159)
  %.not126 = icmp eq i32 %163, 0
  br i1 %.not126, label %b37.ask_ref.invalid, label %b49.ask_ref.store

event.kind88:                                     ; preds = %b39.ask_ref.collecting
  %164 = getelementptr inbounds %rt_event, %rt_event* %event87, i64 0, i32 0
  %event.kind90 = load i32, i32* %164, align 4
  switch i32 %event.kind90, label %b42.ask_ref.collecting.else [
    i32 6, label %b1.call.hangup
    i32 2, label %event.value41
    i32 3, label %b36.ask_ref.no_input
  ]

event.kind100:                                    ; preds = %b49.ask_ref.store
  %165 = getelementptr inbounds %rt_event, %rt_event* %event99, i64 0, i32 0
  %event.kind103 = load i32, i32* %165, align 4
  %166 = icmp eq i32 %event.kind103, 2
  br i1 %166, label %event.get101, label %event.value102

event.get101:                                     ; preds = %event.kind100
  %167 = getelementptr inbounds %rt_event, %rt_event* %event99, i64 0, i32 2, i32 0
  %digits.tag104 = load i32, i32* %167, align 4
  %168 = getelementptr inbounds %rt_event, %rt_event* %event99, i64 0, i32 2, i32 1
  %digits.len105 = load i32, i32* %168, align 4
  %169 = getelementptr inbounds %rt_event, %rt_event* %event99, i64 0, i32 2, i32 2
  %digits.bits106 = load i64, i64* %169, align 8
  br label %event.value102

event.value102:                                   ; preds = %event.get101, %event.kind100, %b49.ask_ref.store
  %170 = phi i32 [ 0, %b49.ask_ref.store ], [ 0, %event.kind100 ], [ %digits.tag104, %event.get101 ]
  %171 = phi i32 [ 0, %b49.ask_ref.store ], [ 0, %event.kind100 ], [ %digits.len105, %event.get101 ]
  %172 = phi i64 [ 0, %b49.ask_ref.store ], [ 0, %event.kind100 ], [ %digits.bits106, %event.get101 ]
  %173 = bitcast %rt_value* %v107 to i8*
  call void @llvm.lifetime.start.p0i8(i64 16, i8* nonnull %173)
  %174 = getelementptr inbounds %rt_value, %rt_value* %v107, i64 0, i32 0
  store i32 %170, i32* %174, align 8
  %175 = getelementptr inbounds %rt_value, %rt_value* %v107, i64 0, i32 1
  store i32 %171, i32* %175, align 4
  %176 = getelementptr inbounds %rt_value, %rt_value* %v107, i64 0, i32 2
  store i64 %172, i64* %176, align 8
  call void @rt_set_slot(%rt_call* nonnull %call, i32 4, %rt_value* nonnull %v107)
  call void @llvm.lifetime.end.p0i8(i64 16, i8* nonnull %173)
  br label %b5.thanks.enter

event.kind115:                                    ; preds = %b53.thanks.playing
  %177 = getelementptr inbounds %rt_event, %rt_event* %event114, i64 0, i32 0
  %event.kind117 = load i32, i32* %177, align 4
  switch i32 %event.kind117, label %b55.thanks.playing.else [
    i32 6, label %b1.call.hangup
    i32 1, label %b6.bye.enter
  ]
}

declare void @rt_end(%rt_call*, i8*) local_unnamed_addr

declare i32 @rt_enter_module(%rt_call*, i32) local_unnamed_addr

; Function Attrs: argmemonly mustprogress nofree nosync nounwind willreturn
declare void @llvm.lifetime.start.p0i8(i64 immarg, i8* nocapture) #0

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

; Function Attrs: argmemonly nofree nounwind willreturn writeonly
declare void @llvm.memset.p0i8.i64(i8* nocapture writeonly, i8, i64, i1 immarg) #1

attributes #0 = { argmemonly mustprogress nofree nosync nounwind willreturn }
attributes #1 = { argmemonly nofree nounwind willreturn writeonly }

!0 = !{!"branch_weights", i32 1000, i32 1}
