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
    i32 13, label %b13.main.collecting
    i32 29, label %b29.sales.playing
    i32 39, label %b39.ask_ref.collecting
    i32 53, label %b53.thanks.playing
  ]

common.ret:                                       ; preds = %invalid_resume, %b6.bye.enter, %b55.thanks.playing.else, %event.value102, %b42.ask_ref.collecting.else, %b34.ask_ref.ask, %b31.sales.playing.else, %b24.main.exit.key1, %b16.main.collecting.else, %b8.main.ask, %b1.call.hangup
  %common.ret.op = phi i32 [ 2, %b1.call.hangup ], [ 0, %b8.main.ask ], [ 0, %b16.main.collecting.else ], [ 0, %b24.main.exit.key1 ], [ 0, %b31.sales.playing.else ], [ 0, %b34.ask_ref.ask ], [ 0, %b42.ask_ref.collecting.else ], [ 0, %event.value102 ], [ 0, %b55.thanks.playing.else ], [ 2, %b6.bye.enter ], [ 2, %invalid_resume ]
  ret i32 %common.ret.op

b1.call.hangup:                                   ; preds = %event.kind115, %event.kind88, %event.kind30, %event.kind7
  tail call void @rt_end(%rt_call* nonnull %call, i8* getelementptr inbounds ([15 x i8], [15 x i8]* @.str.1, i64 0, i64 0))
  br label %common.ret

b2.main.enter:                                    ; preds = %entry
  tail call void @rt_enter_module(%rt_call* nonnull %call, i32 0)
  %1 = getelementptr inbounds %rt_call, %rt_call* %call, i64 0, i32 4
  store i32 0, i32* %1, align 4
  br label %b8.main.ask

b6.bye.enter:                                     ; preds = %event.kind115, %event.kind30, %b46.ask_ref.exhausted_invalid, %b43.ask_ref.exhausted_timeout, %b20.main.exhausted_invalid, %b17.main.exhausted_timeout
  call void @rt_enter_module(%rt_call* nonnull %call, i32 4)
  %2 = bitcast [1 x %rt_value]* %args122 to i8*
  call void @llvm.lifetime.start.p0i8(i64 16, i8* nonnull %2)
  %3 = getelementptr inbounds [1 x %rt_value], [1 x %rt_value]* %args122, i64 0, i64 0
  %4 = getelementptr inbounds [1 x %rt_value], [1 x %rt_value]* %args122, i64 0, i64 0, i32 0
  store i32 4, i32* %4, align 8
  %5 = getelementptr inbounds [1 x %rt_value], [1 x %rt_value]* %args122, i64 0, i64 0, i32 1
  store i32 19, i32* %5, align 4
  %6 = getelementptr inbounds [1 x %rt_value], [1 x %rt_value]* %args122, i64 0, i64 0, i32 2
  store i64 ptrtoint ([20 x i8]* @.str.17 to i64), i64* %6, align 8
  call void @rt_emit(%rt_call* nonnull %call, i32 5, %rt_value* nonnull %3, i32 1)
  call void @llvm.lifetime.end.p0i8(i64 16, i8* nonnull %2)
  call void @rt_end(%rt_call* nonnull %call, i8* getelementptr inbounds ([20 x i8], [20 x i8]* @.str.17, i64 0, i64 0))
  br label %common.ret

b8.main.ask:                                      ; preds = %b12.main.retry, %b2.main.enter
  %7 = bitcast [8 x %rt_value]* %args to i8*
  call void @llvm.lifetime.start.p0i8(i64 128, i8* nonnull %7)
  %8 = getelementptr inbounds [8 x %rt_value], [8 x %rt_value]* %args, i64 0, i64 0
  %9 = getelementptr inbounds [8 x %rt_value], [8 x %rt_value]* %args, i64 0, i64 0, i32 0
  store i32 3, i32* %9, align 8
  %10 = getelementptr inbounds [8 x %rt_value], [8 x %rt_value]* %args, i64 0, i64 0, i32 1
  store i32 0, i32* %10, align 4
  %11 = getelementptr inbounds [8 x %rt_value], [8 x %rt_value]* %args, i64 0, i64 0, i32 2
  store i64 4607182418800017408, i64* %11, align 8
  %12 = getelementptr inbounds [8 x %rt_value], [8 x %rt_value]* %args, i64 0, i64 1, i32 0
  store i32 3, i32* %12, align 8
  %13 = getelementptr inbounds [8 x %rt_value], [8 x %rt_value]* %args, i64 0, i64 1, i32 1
  store i32 0, i32* %13, align 4
  %14 = getelementptr inbounds [8 x %rt_value], [8 x %rt_value]* %args, i64 0, i64 1, i32 2
  store i64 4607182418800017408, i64* %14, align 8
  %15 = getelementptr inbounds [8 x %rt_value], [8 x %rt_value]* %args, i64 0, i64 2, i32 0
  %16 = getelementptr inbounds [8 x %rt_value], [8 x %rt_value]* %args, i64 0, i64 3, i32 0
  %17 = bitcast i32* %15 to i8*
  call void @llvm.memset.p0i8.i64(i8* noundef nonnull align 8 dereferenceable(16) %17, i8 0, i64 16, i1 false)
  store i32 3, i32* %16, align 8
  %18 = getelementptr inbounds [8 x %rt_value], [8 x %rt_value]* %args, i64 0, i64 3, i32 1
  store i32 0, i32* %18, align 4
  %19 = getelementptr inbounds [8 x %rt_value], [8 x %rt_value]* %args, i64 0, i64 3, i32 2
  store i64 4662219572839972864, i64* %19, align 8
  %20 = getelementptr inbounds [8 x %rt_value], [8 x %rt_value]* %args, i64 0, i64 4, i32 0
  store i32 4, i32* %20, align 8
  %21 = getelementptr inbounds [8 x %rt_value], [8 x %rt_value]* %args, i64 0, i64 4, i32 1
  store i32 39, i32* %21, align 4
  %22 = getelementptr inbounds [8 x %rt_value], [8 x %rt_value]* %args, i64 0, i64 4, i32 2
  store i64 ptrtoint ([40 x i8]* @.str.2 to i64), i64* %22, align 8
  %23 = getelementptr inbounds [8 x %rt_value], [8 x %rt_value]* %args, i64 0, i64 5, i32 0
  %24 = bitcast i32* %23 to i8*
  call void @llvm.memset.p0i8.i64(i8* noundef nonnull align 8 dereferenceable(48) %24, i8 0, i64 48, i1 false)
  call void @rt_emit(%rt_call* nonnull %call, i32 2, %rt_value* nonnull %8, i32 8)
  call void @llvm.lifetime.end.p0i8(i64 128, i8* nonnull %7)
  store i32 13, i32* %0, align 4
  call void @rt_timer(%rt_call* nonnull %call, i32 0, i32 0)
  br label %common.ret

b10.main.no_input:                                ; preds = %event.kind7
  tail call void @rt_trace(%rt_call* nonnull %call, i8* getelementptr inbounds ([9 x i8], [9 x i8]* @.str.4, i64 0, i64 0))
  %25 = getelementptr inbounds %rt_call, %rt_call* %call, i64 0, i32 4
  %attempts = load i32, i32* %25, align 4
  %26 = icmp ult i32 %attempts, 2
  br i1 %26, label %b12.main.retry, label %b17.main.exhausted_timeout

b12.main.retry:                                   ; preds = %b25.main.choice, %b10.main.no_input
  %attempts3 = phi i32 [ %attempts2, %b25.main.choice ], [ %attempts, %b10.main.no_input ]
  %27 = getelementptr inbounds %rt_call, %rt_call* %call, i64 0, i32 4
  %28 = uitofp i32 %attempts3 to double
  %29 = fadd double %28, 1.000000e+00
  %30 = fcmp olt double %29, 0x43E0000000000000
  %31 = fcmp ogt double %29, 0.000000e+00
  %32 = and i1 %31, %30
  %33 = fptosi double %29 to i64
  %34 = trunc i64 %33 to i32
  %35 = select i1 %32, i32 %34, i32 0
  store i32 %35, i32* %27, align 4
  br label %b8.main.ask

b13.main.collecting:                              ; preds = %entry
  %36 = getelementptr inbounds %rt_call, %rt_call* %call, i64 0, i32 2
  %event6 = load %rt_event*, %rt_event** %36, align 8
  %37 = icmp eq %rt_event* %event6, null
  br i1 %37, label %b16.main.collecting.else, label %event.kind7

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
  tail call void @rt_enter_module(%rt_call* nonnull %call, i32 1)
  %38 = bitcast [3 x %rt_value]* %args28 to i8*
  call void @llvm.lifetime.start.p0i8(i64 48, i8* nonnull %38)
  %39 = getelementptr inbounds [3 x %rt_value], [3 x %rt_value]* %args28, i64 0, i64 0
  %40 = getelementptr inbounds [3 x %rt_value], [3 x %rt_value]* %args28, i64 0, i64 0, i32 0
  store i32 4, i32* %40, align 8
  %41 = getelementptr inbounds [3 x %rt_value], [3 x %rt_value]* %args28, i64 0, i64 0, i32 1
  store i32 6, i32* %41, align 4
  %42 = getelementptr inbounds [3 x %rt_value], [3 x %rt_value]* %args28, i64 0, i64 0, i32 2
  store i64 ptrtoint ([7 x i8]* @.str.13 to i64), i64* %42, align 8
  %43 = getelementptr inbounds [3 x %rt_value], [3 x %rt_value]* %args28, i64 0, i64 1, i32 0
  %44 = bitcast i32* %43 to i8*
  call void @llvm.memset.p0i8.i64(i8* noundef nonnull align 8 dereferenceable(32) %44, i8 0, i64 32, i1 false)
  call void @rt_emit(%rt_call* nonnull %call, i32 1, %rt_value* nonnull %39, i32 3)
  call void @llvm.lifetime.end.p0i8(i64 48, i8* nonnull %38)
  store i32 29, i32* %0, align 4
  call void @rt_timer(%rt_call* nonnull %call, i32 0, i32 0)
  br label %common.ret

b25.main.choice:                                  ; preds = %event.get, %streq.bytes25
  tail call void @rt_trace(%rt_call* nonnull %call, i8* getelementptr inbounds ([14 x i8], [14 x i8]* @.str.5, i64 0, i64 0))
  %45 = getelementptr inbounds %rt_call, %rt_call* %call, i64 0, i32 4
  %attempts2 = load i32, i32* %45, align 4
  %46 = icmp ult i32 %attempts2, 2
  br i1 %46, label %b12.main.retry, label %b20.main.exhausted_invalid

b26.main.exit.key2:                               ; preds = %streq.bytes25
  tail call void @rt_trace(%rt_call* nonnull %call, i8* getelementptr inbounds ([23 x i8], [23 x i8]* @.str.12, i64 0, i64 0))
  tail call void @rt_enter_module(%rt_call* nonnull %call, i32 2)
  br label %b34.ask_ref.ask

b29.sales.playing:                                ; preds = %entry
  %47 = getelementptr inbounds %rt_call, %rt_call* %call, i64 0, i32 2
  %event29 = load %rt_event*, %rt_event** %47, align 8
  %48 = icmp eq %rt_event* %event29, null
  br i1 %48, label %b31.sales.playing.else, label %event.kind30

b31.sales.playing.else:                           ; preds = %event.kind30, %b29.sales.playing
  store i32 29, i32* %0, align 4
  br label %common.ret

b34.ask_ref.ask:                                  ; preds = %b36.ask_ref.no_input, %b37.ask_ref.invalid, %b26.main.exit.key2
  %.sink = phi i32 [ 0, %b26.main.exit.key2 ], [ 1, %b37.ask_ref.invalid ], [ 1, %b36.ask_ref.no_input ]
  %49 = getelementptr inbounds %rt_call, %rt_call* %call, i64 0, i32 4
  store i32 %.sink, i32* %49, align 4
  %50 = bitcast [8 x %rt_value]* %args37 to i8*
  call void @llvm.lifetime.start.p0i8(i64 128, i8* nonnull %50)
  %51 = getelementptr inbounds [8 x %rt_value], [8 x %rt_value]* %args37, i64 0, i64 0
  %52 = getelementptr inbounds [8 x %rt_value], [8 x %rt_value]* %args37, i64 0, i64 0, i32 0
  store i32 3, i32* %52, align 8
  %53 = getelementptr inbounds [8 x %rt_value], [8 x %rt_value]* %args37, i64 0, i64 0, i32 1
  store i32 0, i32* %53, align 4
  %54 = getelementptr inbounds [8 x %rt_value], [8 x %rt_value]* %args37, i64 0, i64 0, i32 2
  store i64 4616189618054758400, i64* %54, align 8
  %55 = getelementptr inbounds [8 x %rt_value], [8 x %rt_value]* %args37, i64 0, i64 1, i32 0
  store i32 3, i32* %55, align 8
  %56 = getelementptr inbounds [8 x %rt_value], [8 x %rt_value]* %args37, i64 0, i64 1, i32 1
  store i32 0, i32* %56, align 4
  %57 = getelementptr inbounds [8 x %rt_value], [8 x %rt_value]* %args37, i64 0, i64 1, i32 2
  store i64 4616189618054758400, i64* %57, align 8
  %58 = getelementptr inbounds [8 x %rt_value], [8 x %rt_value]* %args37, i64 0, i64 2, i32 0
  %59 = getelementptr inbounds [8 x %rt_value], [8 x %rt_value]* %args37, i64 0, i64 3, i32 0
  %60 = bitcast i32* %58 to i8*
  call void @llvm.memset.p0i8.i64(i8* noundef nonnull align 8 dereferenceable(16) %60, i8 0, i64 16, i1 false)
  store i32 3, i32* %59, align 8
  %61 = getelementptr inbounds [8 x %rt_value], [8 x %rt_value]* %args37, i64 0, i64 3, i32 1
  store i32 0, i32* %61, align 4
  %62 = getelementptr inbounds [8 x %rt_value], [8 x %rt_value]* %args37, i64 0, i64 3, i32 2
  store i64 4663319084467748864, i64* %62, align 8
  %63 = getelementptr inbounds [8 x %rt_value], [8 x %rt_value]* %args37, i64 0, i64 4, i32 0
  store i32 4, i32* %63, align 8
  %64 = getelementptr inbounds [8 x %rt_value], [8 x %rt_value]* %args37, i64 0, i64 4, i32 1
  store i32 34, i32* %64, align 4
  %65 = getelementptr inbounds [8 x %rt_value], [8 x %rt_value]* %args37, i64 0, i64 4, i32 2
  store i64 ptrtoint ([35 x i8]* @.str.14 to i64), i64* %65, align 8
  %66 = getelementptr inbounds [8 x %rt_value], [8 x %rt_value]* %args37, i64 0, i64 5, i32 0
  %67 = bitcast i32* %66 to i8*
  call void @llvm.memset.p0i8.i64(i8* noundef nonnull align 8 dereferenceable(48) %67, i8 0, i64 48, i1 false)
  call void @rt_emit(%rt_call* nonnull %call, i32 2, %rt_value* nonnull %51, i32 8)
  call void @llvm.lifetime.end.p0i8(i64 128, i8* nonnull %50)
  store i32 39, i32* %0, align 4
  call void @rt_timer(%rt_call* nonnull %call, i32 0, i32 0)
  br label %common.ret

b36.ask_ref.no_input:                             ; preds = %event.kind88
  tail call void @rt_trace(%rt_call* nonnull %call, i8* getelementptr inbounds ([9 x i8], [9 x i8]* @.str.4, i64 0, i64 0))
  %68 = getelementptr inbounds %rt_call, %rt_call* %call, i64 0, i32 4
  %attempts75 = load i32, i32* %68, align 4
  %69 = icmp eq i32 %attempts75, 0
  br i1 %69, label %b34.ask_ref.ask, label %b43.ask_ref.exhausted_timeout

b37.ask_ref.invalid:                              ; preds = %event.value41, %event.value54, %event.value69
  call void @rt_trace(%rt_call* nonnull %call, i8* getelementptr inbounds ([14 x i8], [14 x i8]* @.str.5, i64 0, i64 0))
  %70 = getelementptr inbounds %rt_call, %rt_call* %call, i64 0, i32 4
  %attempts76 = load i32, i32* %70, align 4
  %71 = icmp eq i32 %attempts76, 0
  br i1 %71, label %b34.ask_ref.ask, label %b46.ask_ref.exhausted_invalid

b39.ask_ref.collecting:                           ; preds = %entry
  %72 = getelementptr inbounds %rt_call, %rt_call* %call, i64 0, i32 2
  %event87 = load %rt_event*, %rt_event** %72, align 8
  %73 = icmp eq %rt_event* %event87, null
  br i1 %73, label %b42.ask_ref.collecting.else, label %event.kind88

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
  %event99 = load %rt_event*, %rt_event** %72, align 8
  %74 = icmp eq %rt_event* %event99, null
  br i1 %74, label %event.value102, label %event.kind100

b53.thanks.playing:                               ; preds = %entry
  %75 = getelementptr inbounds %rt_call, %rt_call* %call, i64 0, i32 2
  %event114 = load %rt_event*, %rt_event** %75, align 8
  %76 = icmp eq %rt_event* %event114, null
  br i1 %76, label %b55.thanks.playing.else, label %event.kind115

b55.thanks.playing.else:                          ; preds = %event.kind115, %b53.thanks.playing
  store i32 53, i32* %0, align 4
  br label %common.ret

invalid_resume:                                   ; preds = %entry
  tail call void @rt_end(%rt_call* nonnull %call, i8* getelementptr inbounds ([21 x i8], [21 x i8]* @.str, i64 0, i64 0))
  br label %common.ret

event.get:                                        ; preds = %event.kind7
  %77 = getelementptr inbounds %rt_event, %rt_event* %event6, i64 0, i32 2, i32 2
  %digits.bits = load i64, i64* %77, align 8
  %78 = getelementptr inbounds %rt_event, %rt_event* %event6, i64 0, i32 2, i32 1
  %digits.len = load i32, i32* %78, align 4
  %79 = getelementptr inbounds %rt_event, %rt_event* %event6, i64 0, i32 2, i32 0
  %digits.tag = load i32, i32* %79, align 4
  %80 = icmp eq i32 %digits.len, 1
  %81 = icmp eq i32 %digits.tag, 4
  %82 = and i1 %80, %81
  br i1 %82, label %streq.bytes, label %b25.main.choice

streq.bytes:                                      ; preds = %event.get
  %str = inttoptr i64 %digits.bits to i8*
  %83 = load i8, i8* %str, align 1
  %84 = icmp eq i8 %83, 49
  br i1 %84, label %b24.main.exit.key1, label %streq.bytes25

event.kind7:                                      ; preds = %b13.main.collecting
  %85 = getelementptr inbounds %rt_event, %rt_event* %event6, i64 0, i32 0
  %event.kind8 = load i32, i32* %85, align 4
  switch i32 %event.kind8, label %b16.main.collecting.else [
    i32 6, label %b1.call.hangup
    i32 2, label %event.get
    i32 3, label %b10.main.no_input
  ]

streq.bytes25:                                    ; preds = %streq.bytes
  %phi.cast = inttoptr i64 %digits.bits to i8*
  %86 = load i8, i8* %phi.cast, align 1
  %87 = icmp eq i8 %86, 50
  br i1 %87, label %b26.main.exit.key2, label %b25.main.choice

event.kind30:                                     ; preds = %b29.sales.playing
  %88 = getelementptr inbounds %rt_event, %rt_event* %event29, i64 0, i32 0
  %event.kind32 = load i32, i32* %88, align 4
  switch i32 %event.kind32, label %b31.sales.playing.else [
    i32 6, label %b1.call.hangup
    i32 1, label %b6.bye.enter
  ]

event.value41:                                    ; preds = %event.kind88
  %89 = getelementptr inbounds %rt_event, %rt_event* %event87, i64 0, i32 2, i32 2
  %digits.bits45 = load i64, i64* %89, align 8
  %90 = getelementptr inbounds %rt_event, %rt_event* %event87, i64 0, i32 2, i32 1
  %digits.len44 = load i32, i32* %90, align 4
  %91 = getelementptr inbounds %rt_event, %rt_event* %event87, i64 0, i32 2, i32 0
  %digits.tag43 = load i32, i32* %91, align 4
  %92 = bitcast %rt_value* %v46 to i8*
  call void @llvm.lifetime.start.p0i8(i64 16, i8* nonnull %92)
  %93 = getelementptr inbounds %rt_value, %rt_value* %v46, i64 0, i32 0
  store i32 %digits.tag43, i32* %93, align 8
  %94 = getelementptr inbounds %rt_value, %rt_value* %v46, i64 0, i32 1
  store i32 %digits.len44, i32* %94, align 4
  %95 = getelementptr inbounds %rt_value, %rt_value* %v46, i64 0, i32 2
  store i64 %digits.bits45, i64* %95, align 8
  %96 = bitcast %rt_value* %v47 to i8*
  call void @llvm.lifetime.start.p0i8(i64 16, i8* nonnull %96)
  %97 = getelementptr inbounds %rt_value, %rt_value* %v47, i64 0, i32 0
  %98 = getelementptr inbounds %rt_value, %rt_value* %v47, i64 0, i32 2
  %99 = bitcast %rt_value* %v47 to i8*
  call void @llvm.memset.p0i8.i64(i8* noundef nonnull align 8 dereferenceable(16) %99, i8 0, i64 16, i1 false)
  call void @rt_length(%rt_value* nonnull %v46, %rt_value* nonnull %v47)
  %out.tag48 = load i32, i32* %97, align 8
  %100 = bitcast i64* %98 to double*
  %out.bits50124 = load double, double* %100, align 8
  call void @llvm.lifetime.end.p0i8(i64 16, i8* nonnull %96)
  call void @llvm.lifetime.end.p0i8(i64 16, i8* nonnull %92)
  %101 = fcmp oge double %out.bits50124, 4.000000e+00
  %102 = icmp eq i32 %out.tag48, 3
  %103 = and i1 %102, %101
  br i1 %103, label %and.rhs, label %b37.ask_ref.invalid

and.rhs:                                          ; preds = %event.value41
  %event51 = load %rt_event*, %rt_event** %72, align 8
  %104 = icmp eq %rt_event* %event51, null
  br i1 %104, label %event.value54, label %event.kind52

event.kind52:                                     ; preds = %and.rhs
  %105 = getelementptr inbounds %rt_event, %rt_event* %event51, i64 0, i32 0
  %event.kind55 = load i32, i32* %105, align 4
  %106 = icmp eq i32 %event.kind55, 2
  br i1 %106, label %event.get53, label %event.value54

event.get53:                                      ; preds = %event.kind52
  %107 = getelementptr inbounds %rt_event, %rt_event* %event51, i64 0, i32 2, i32 0
  %digits.tag56 = load i32, i32* %107, align 4
  %108 = getelementptr inbounds %rt_event, %rt_event* %event51, i64 0, i32 2, i32 1
  %digits.len57 = load i32, i32* %108, align 4
  %109 = getelementptr inbounds %rt_event, %rt_event* %event51, i64 0, i32 2, i32 2
  %digits.bits58 = load i64, i64* %109, align 8
  br label %event.value54

event.value54:                                    ; preds = %event.get53, %event.kind52, %and.rhs
  %110 = phi i32 [ 0, %and.rhs ], [ 0, %event.kind52 ], [ %digits.tag56, %event.get53 ]
  %111 = phi i32 [ 0, %and.rhs ], [ 0, %event.kind52 ], [ %digits.len57, %event.get53 ]
  %112 = phi i64 [ 0, %and.rhs ], [ 0, %event.kind52 ], [ %digits.bits58, %event.get53 ]
  %113 = bitcast %rt_value* %v59 to i8*
  call void @llvm.lifetime.start.p0i8(i64 16, i8* nonnull %113)
  %114 = getelementptr inbounds %rt_value, %rt_value* %v59, i64 0, i32 0
  store i32 %110, i32* %114, align 8
  %115 = getelementptr inbounds %rt_value, %rt_value* %v59, i64 0, i32 1
  store i32 %111, i32* %115, align 4
  %116 = getelementptr inbounds %rt_value, %rt_value* %v59, i64 0, i32 2
  store i64 %112, i64* %116, align 8
  %117 = bitcast %rt_value* %v60 to i8*
  call void @llvm.lifetime.start.p0i8(i64 16, i8* nonnull %117)
  %118 = getelementptr inbounds %rt_value, %rt_value* %v60, i64 0, i32 0
  %119 = getelementptr inbounds %rt_value, %rt_value* %v60, i64 0, i32 2
  %120 = bitcast %rt_value* %v60 to i8*
  call void @llvm.memset.p0i8.i64(i8* noundef nonnull align 8 dereferenceable(16) %120, i8 0, i64 16, i1 false)
  call void @rt_length(%rt_value* nonnull %v59, %rt_value* nonnull %v60)
  %out.tag61 = load i32, i32* %118, align 8
  %121 = bitcast i64* %119 to double*
  %out.bits63125 = load double, double* %121, align 8
  call void @llvm.lifetime.end.p0i8(i64 16, i8* nonnull %117)
  call void @llvm.lifetime.end.p0i8(i64 16, i8* nonnull %113)
  %122 = fcmp ole double %out.bits63125, 4.000000e+00
  %123 = icmp eq i32 %out.tag61, 3
  %124 = and i1 %123, %122
  br i1 %124, label %and.rhs64, label %b37.ask_ref.invalid

and.rhs64:                                        ; preds = %event.value54
  %event66 = load %rt_event*, %rt_event** %72, align 8
  %125 = icmp eq %rt_event* %event66, null
  br i1 %125, label %event.value69, label %event.kind67

event.kind67:                                     ; preds = %and.rhs64
  %126 = getelementptr inbounds %rt_event, %rt_event* %event66, i64 0, i32 0
  %event.kind70 = load i32, i32* %126, align 4
  %127 = icmp eq i32 %event.kind70, 2
  br i1 %127, label %event.get68, label %event.value69

event.get68:                                      ; preds = %event.kind67
  %128 = getelementptr inbounds %rt_event, %rt_event* %event66, i64 0, i32 2, i32 0
  %digits.tag71 = load i32, i32* %128, align 4
  %129 = getelementptr inbounds %rt_event, %rt_event* %event66, i64 0, i32 2, i32 1
  %digits.len72 = load i32, i32* %129, align 4
  %130 = getelementptr inbounds %rt_event, %rt_event* %event66, i64 0, i32 2, i32 2
  %digits.bits73 = load i64, i64* %130, align 8
  br label %event.value69

event.value69:                                    ; preds = %event.get68, %event.kind67, %and.rhs64
  %131 = phi i32 [ 0, %and.rhs64 ], [ 0, %event.kind67 ], [ %digits.tag71, %event.get68 ]
  %132 = phi i32 [ 0, %and.rhs64 ], [ 0, %event.kind67 ], [ %digits.len72, %event.get68 ]
  %133 = phi i64 [ 0, %and.rhs64 ], [ 0, %event.kind67 ], [ %digits.bits73, %event.get68 ]
  %134 = bitcast %rt_value* %v74 to i8*
  call void @llvm.lifetime.start.p0i8(i64 16, i8* nonnull %134)
  %135 = getelementptr inbounds %rt_value, %rt_value* %v74, i64 0, i32 0
  store i32 %131, i32* %135, align 8
  %136 = getelementptr inbounds %rt_value, %rt_value* %v74, i64 0, i32 1
  store i32 %132, i32* %136, align 4
  %137 = getelementptr inbounds %rt_value, %rt_value* %v74, i64 0, i32 2
  store i64 %133, i64* %137, align 8
  %138 = call i32 @rt_matches(%rt_call* nonnull %call, i32 0, %rt_value* nonnull %v74)
  call void @llvm.lifetime.end.p0i8(i64 16, i8* nonnull %134)
  %.not = icmp eq i32 %138, 0
  br i1 %.not, label %b37.ask_ref.invalid, label %b49.ask_ref.store

event.kind88:                                     ; preds = %b39.ask_ref.collecting
  %139 = getelementptr inbounds %rt_event, %rt_event* %event87, i64 0, i32 0
  %event.kind90 = load i32, i32* %139, align 4
  switch i32 %event.kind90, label %b42.ask_ref.collecting.else [
    i32 6, label %b1.call.hangup
    i32 2, label %event.value41
    i32 3, label %b36.ask_ref.no_input
  ]

event.kind100:                                    ; preds = %b49.ask_ref.store
  %140 = getelementptr inbounds %rt_event, %rt_event* %event99, i64 0, i32 0
  %event.kind103 = load i32, i32* %140, align 4
  %141 = icmp eq i32 %event.kind103, 2
  br i1 %141, label %event.get101, label %event.value102

event.get101:                                     ; preds = %event.kind100
  %142 = getelementptr inbounds %rt_event, %rt_event* %event99, i64 0, i32 2, i32 0
  %digits.tag104 = load i32, i32* %142, align 4
  %143 = getelementptr inbounds %rt_event, %rt_event* %event99, i64 0, i32 2, i32 1
  %digits.len105 = load i32, i32* %143, align 4
  %144 = getelementptr inbounds %rt_event, %rt_event* %event99, i64 0, i32 2, i32 2
  %digits.bits106 = load i64, i64* %144, align 8
  br label %event.value102

event.value102:                                   ; preds = %event.get101, %event.kind100, %b49.ask_ref.store
  %145 = phi i32 [ 0, %b49.ask_ref.store ], [ 0, %event.kind100 ], [ %digits.tag104, %event.get101 ]
  %146 = phi i32 [ 0, %b49.ask_ref.store ], [ 0, %event.kind100 ], [ %digits.len105, %event.get101 ]
  %147 = phi i64 [ 0, %b49.ask_ref.store ], [ 0, %event.kind100 ], [ %digits.bits106, %event.get101 ]
  %148 = bitcast %rt_value* %v107 to i8*
  call void @llvm.lifetime.start.p0i8(i64 16, i8* nonnull %148)
  %149 = getelementptr inbounds %rt_value, %rt_value* %v107, i64 0, i32 0
  store i32 %145, i32* %149, align 8
  %150 = getelementptr inbounds %rt_value, %rt_value* %v107, i64 0, i32 1
  store i32 %146, i32* %150, align 4
  %151 = getelementptr inbounds %rt_value, %rt_value* %v107, i64 0, i32 2
  store i64 %147, i64* %151, align 8
  call void @rt_set_slot(%rt_call* nonnull %call, i32 4, %rt_value* nonnull %v107)
  call void @llvm.lifetime.end.p0i8(i64 16, i8* nonnull %148)
  call void @rt_enter_module(%rt_call* nonnull %call, i32 3)
  call void @rt_tmpl_begin(%rt_call* nonnull %call)
  call void @rt_tmpl_text(%rt_call* nonnull %call, i8* getelementptr inbounds ([12 x i8], [12 x i8]* @.str.15, i64 0, i64 0), i32 11)
  %152 = getelementptr inbounds %rt_call, %rt_call* %call, i64 0, i32 0
  %slots = load %rt_value*, %rt_value** %152, align 8
  %153 = getelementptr inbounds %rt_value, %rt_value* %slots, i64 4, i32 0
  %app.inputReader.ref.tag = load i32, i32* %153, align 4
  %154 = getelementptr inbounds %rt_value, %rt_value* %slots, i64 4, i32 1
  %app.inputReader.ref.len = load i32, i32* %154, align 4
  %155 = getelementptr inbounds %rt_value, %rt_value* %slots, i64 4, i32 2
  %app.inputReader.ref.bits = load i64, i64* %155, align 8
  %156 = bitcast %rt_value* %v108 to i8*
  call void @llvm.lifetime.start.p0i8(i64 16, i8* nonnull %156)
  %157 = getelementptr inbounds %rt_value, %rt_value* %v108, i64 0, i32 0
  store i32 %app.inputReader.ref.tag, i32* %157, align 8
  %158 = getelementptr inbounds %rt_value, %rt_value* %v108, i64 0, i32 1
  store i32 %app.inputReader.ref.len, i32* %158, align 4
  %159 = getelementptr inbounds %rt_value, %rt_value* %v108, i64 0, i32 2
  store i64 %app.inputReader.ref.bits, i64* %159, align 8
  call void @rt_tmpl_value(%rt_call* nonnull %call, %rt_value* nonnull %v108, i32 0)
  call void @llvm.lifetime.end.p0i8(i64 16, i8* nonnull %156)
  call void @rt_tmpl_text(%rt_call* nonnull %call, i8* getelementptr inbounds ([2 x i8], [2 x i8]* @.str.16, i64 0, i64 0), i32 1)
  %160 = bitcast %rt_value* %v109 to i8*
  call void @llvm.lifetime.start.p0i8(i64 16, i8* nonnull %160)
  %161 = getelementptr inbounds %rt_value, %rt_value* %v109, i64 0, i32 0
  %162 = getelementptr inbounds %rt_value, %rt_value* %v109, i64 0, i32 1
  %163 = getelementptr inbounds %rt_value, %rt_value* %v109, i64 0, i32 2
  %164 = bitcast %rt_value* %v109 to i8*
  call void @llvm.memset.p0i8.i64(i8* noundef nonnull align 8 dereferenceable(16) %164, i8 0, i64 16, i1 false)
  call void @rt_tmpl_end(%rt_call* nonnull %call, %rt_value* nonnull %v109)
  %out.tag110 = load i32, i32* %161, align 8
  %out.len111 = load i32, i32* %162, align 4
  %out.bits112 = load i64, i64* %163, align 8
  call void @llvm.lifetime.end.p0i8(i64 16, i8* nonnull %160)
  %165 = bitcast [3 x %rt_value]* %args113 to i8*
  call void @llvm.lifetime.start.p0i8(i64 48, i8* nonnull %165)
  %166 = getelementptr inbounds [3 x %rt_value], [3 x %rt_value]* %args113, i64 0, i64 0
  %167 = getelementptr inbounds [3 x %rt_value], [3 x %rt_value]* %args113, i64 0, i64 0, i32 0
  store i32 %out.tag110, i32* %167, align 8
  %168 = getelementptr inbounds [3 x %rt_value], [3 x %rt_value]* %args113, i64 0, i64 0, i32 1
  store i32 %out.len111, i32* %168, align 4
  %169 = getelementptr inbounds [3 x %rt_value], [3 x %rt_value]* %args113, i64 0, i64 0, i32 2
  store i64 %out.bits112, i64* %169, align 8
  %170 = getelementptr inbounds [3 x %rt_value], [3 x %rt_value]* %args113, i64 0, i64 1, i32 0
  %171 = bitcast i32* %170 to i8*
  call void @llvm.memset.p0i8.i64(i8* noundef nonnull align 8 dereferenceable(32) %171, i8 0, i64 32, i1 false)
  call void @rt_emit(%rt_call* nonnull %call, i32 1, %rt_value* nonnull %166, i32 3)
  call void @llvm.lifetime.end.p0i8(i64 48, i8* nonnull %165)
  store i32 53, i32* %0, align 4
  call void @rt_timer(%rt_call* nonnull %call, i32 0, i32 0)
  br label %common.ret

event.kind115:                                    ; preds = %b53.thanks.playing
  %172 = getelementptr inbounds %rt_event, %rt_event* %event114, i64 0, i32 0
  %event.kind117 = load i32, i32* %172, align 4
  switch i32 %event.kind117, label %b55.thanks.playing.else [
    i32 6, label %b1.call.hangup
    i32 1, label %b6.bye.enter
  ]
}

declare void @rt_end(%rt_call*, i8*) local_unnamed_addr

declare void @rt_enter_module(%rt_call*, i32) local_unnamed_addr

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
