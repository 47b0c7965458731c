; ModuleID = 'expressions'
source_filename = "expressions"
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

%rt_value = type { i32, i32, i64 }
%rt_call = type { %rt_value*, i8*, %rt_event*, i32, i32, i32, i32, i8* }
%rt_event = type { i32, i32, %rt_value, %rt_value }

@.str = private unnamed_addr constant [21 x i8] c"invalid resume point\00", align 1
@.str.1 = private unnamed_addr constant [15 x i8] c"caller hung up\00", align 1
@.str.2 = private unnamed_addr constant [4 x i8] c"Hi \00", align 1
@.val = private unnamed_addr constant %rt_value { i32 3, i32 0, i64 0 }, align 8
@.val.3 = private unnamed_addr constant %rt_value { i32 3, i32 0, i64 4619567317775286272 }, align 8
@.str.4 = private unnamed_addr constant [21 x i8] c"when (and rich open)\00", align 1
@.str.5 = private unnamed_addr constant [11 x i8] c"when named\00", align 1
@.str.6 = private unnamed_addr constant [13 x i8] c"when numeric\00", align 1
@.str.7 = private unnamed_addr constant [12 x i8] c", you have \00", align 1
@.str.8 = private unnamed_addr constant [8 x i8] c" twice.\00", align 1
@.str.9 = private unnamed_addr constant [2 x i8] c".\00", align 1
@.str.10 = private unnamed_addr constant [20 x i8] c"hung up by the flow\00", align 1
@triggers = local_unnamed_addr constant [4 x i32 (%rt_call*)*] [i32 (%rt_call*)* @trigger_0, i32 (%rt_call*)* @trigger_1, i32 (%rt_call*)* @trigger_2, i32 (%rt_call*)* @trigger_3]

define internal i32 @trigger_0(%rt_call* %call) {
entry:
  %out7 = alloca %rt_value, align 8
  %v6 = alloca %rt_value, align 8
  %v5 = alloca %rt_value, align 8
  %out = alloca %rt_value, align 8
  %v1 = alloca %rt_value, align 8
  %v = alloca %rt_value, align 8
  %0 = getelementptr inbounds %rt_call, %rt_call* %call, i64 0, i32 0
  %slots = load %rt_value*, %rt_value** %0, align 8
  %1 = getelementptr inbounds %rt_value, %rt_value* %slots, i64 8, i32 0
  %ivr.balance.tag = load i32, i32* %1, align 4
  %2 = getelementptr inbounds %rt_value, %rt_value* %slots, i64 8, i32 2
  %ivr.balance.bits = load i64, i64* %2, align 8
  %3 = icmp eq i32 %ivr.balance.tag, 3
  br i1 %3, label %arith.end.thread, label %arith.end

arith.end.thread:                                 ; preds = %entry
  %4 = bitcast i64 %ivr.balance.bits to double
  %5 = fmul double %4, 2.000000e+00
  br label %arith.num2

arith.end:                                        ; preds = %entry
  %6 = getelementptr inbounds %rt_value, %rt_value* %slots, i64 8, i32 1
  %ivr.balance.len = load i32, i32* %6, align 4
  %7 = bitcast %rt_value* %v to i8*
  call void @llvm.lifetime.start.p0i8(i64 16, i8* nonnull %7)
  %8 = getelementptr inbounds %rt_value, %rt_value* %v, i64 0, i32 0
  store i32 %ivr.balance.tag, i32* %8, align 8
  %9 = getelementptr inbounds %rt_value, %rt_value* %v, i64 0, i32 1
  store i32 %ivr.balance.len, i32* %9, align 4
  %10 = getelementptr inbounds %rt_value, %rt_value* %v, i64 0, i32 2
  store i64 %ivr.balance.bits, i64* %10, align 8
  %11 = bitcast %rt_value* %v1 to i8*
  call void @llvm.lifetime.start.p0i8(i64 16, i8* nonnull %11)
  %12 = getelementptr inbounds %rt_value, %rt_value* %v1, i64 0, i32 0
  store i32 3, i32* %12, align 8
  %13 = getelementptr inbounds %rt_value, %rt_value* %v1, i64 0, i32 1
  store i32 0, i32* %13, align 4
  %14 = getelementptr inbounds %rt_value, %rt_value* %v1, i64 0, i32 2
  store i64 4611686018427387904, i64* %14, align 8
  %15 = bitcast %rt_value* %out to i8*
  call void @llvm.lifetime.start.p0i8(i64 16, i8* nonnull %15)
  call void @llvm.memset.p0i8.i64(i8* noundef nonnull align 8 dereferenceable(16) %15, i8 0, i64 16, i1 false)
  call void @rt_arith(%rt_call* nonnull %call, i32 2, %rt_value* nonnull %v, %rt_value* nonnull %v1, %rt_value* nonnull %out)
  %16 = getelementptr inbounds %rt_value, %rt_value* %out, i64 0, i32 0
  %out.tag = load i32, i32* %16, align 8
  %17 = getelementptr inbounds %rt_value, %rt_value* %out, i64 0, i32 1
  %out.len = load i32, i32* %17, align 4
  %18 = getelementptr inbounds %rt_value, %rt_value* %out, i64 0, i32 2
  %19 = bitcast i64* %18 to double*
  %out.bits13 = load double, double* %19, align 8
  call void @llvm.lifetime.end.p0i8(i64 16, i8* nonnull %15)
  call void @llvm.lifetime.end.p0i8(i64 16, i8* nonnull %11)
  call void @llvm.lifetime.end.p0i8(i64 16, i8* nonnull %7)
  %20 = icmp eq i32 %out.tag, 3
  br i1 %20, label %arith.num2, label %arith.call3

arith.num2:                                       ; preds = %arith.end.thread, %arith.end
  %21 = phi double [ %5, %arith.end.thread ], [ %out.bits13, %arith.end ]
  %22 = fadd double %21, -1.000000e+01
  br label %arith.end4

arith.call3:                                      ; preds = %arith.end
  %23 = bitcast %rt_value* %v5 to i8*
  call void @llvm.lifetime.start.p0i8(i64 16, i8* nonnull %23)
  %24 = getelementptr inbounds %rt_value, %rt_value* %v5, i64 0, i32 0
  store i32 %out.tag, i32* %24, align 8
  %25 = getelementptr inbounds %rt_value, %rt_value* %v5, i64 0, i32 1
  store i32 %out.len, i32* %25, align 4
  %26 = getelementptr inbounds %rt_value, %rt_value* %v5, i64 0, i32 2
  %27 = bitcast i64* %26 to double*
  store double %out.bits13, double* %27, align 8
  %28 = bitcast %rt_value* %v6 to i8*
  call void @llvm.lifetime.start.p0i8(i64 16, i8* nonnull %28)
  %29 = getelementptr inbounds %rt_value, %rt_value* %v6, i64 0, i32 0
  store i32 3, i32* %29, align 8
  %30 = getelementptr inbounds %rt_value, %rt_value* %v6, i64 0, i32 1
  store i32 0, i32* %30, align 4
  %31 = getelementptr inbounds %rt_value, %rt_value* %v6, i64 0, i32 2
  store i64 4621819117588971520, i64* %31, align 8
  %32 = bitcast %rt_value* %out7 to i8*
  call void @llvm.lifetime.start.p0i8(i64 16, i8* nonnull %32)
  call void @llvm.memset.p0i8.i64(i8* noundef nonnull align 8 dereferenceable(16) %32, i8 0, i64 16, i1 false)
  call void @rt_arith(%rt_call* nonnull %call, i32 1, %rt_value* nonnull %v5, %rt_value* nonnull %v6, %rt_value* nonnull %out7)
  %33 = getelementptr inbounds %rt_value, %rt_value* %out7, i64 0, i32 0
  %out.tag8 = load i32, i32* %33, align 8
  %34 = getelementptr inbounds %rt_value, %rt_value* %out7, i64 0, i32 2
  %35 = bitcast i64* %34 to double*
  %out.bits1012 = load double, double* %35, align 8
  call void @llvm.lifetime.end.p0i8(i64 16, i8* nonnull %32)
  call void @llvm.lifetime.end.p0i8(i64 16, i8* nonnull %28)
  call void @llvm.lifetime.end.p0i8(i64 16, i8* nonnull %23)
  %phi.cmp = icmp eq i32 %out.tag8, 3
  br label %arith.end4

arith.end4:                                       ; preds = %arith.call3, %arith.num2
  %36 = phi i1 [ true, %arith.num2 ], [ %phi.cmp, %arith.call3 ]
  %37 = phi double [ %22, %arith.num2 ], [ %out.bits1012, %arith.call3 ]
  %38 = fcmp oge double %37, 1.000000e+03
  %39 = and i1 %36, %38
  br i1 %39, label %or.end, label %or.rhs

or.rhs:                                           ; preds = %arith.end4
  %slots11 = load %rt_value*, %rt_value** %0, align 8
  %40 = getelementptr inbounds %rt_value, %rt_value* %slots11, i64 10, i32 0
  %ivr.vip.tag = load i32, i32* %40, align 4
  %41 = getelementptr inbounds %rt_value, %rt_value* %slots11, i64 10, i32 2
  %ivr.vip.bits = load i64, i64* %41, align 8
  %42 = icmp eq i64 %ivr.vip.bits, 1
  %43 = icmp eq i32 %ivr.vip.tag, 2
  %44 = and i1 %43, %42
  %phi.cast = zext i1 %44 to i32
  br label %or.end

or.end:                                           ; preds = %or.rhs, %arith.end4
  %45 = phi i32 [ 1, %arith.end4 ], [ %phi.cast, %or.rhs ]
  ret i32 %45
}

; Function Attrs: mustprogress nofree norecurse nosync nounwind readonly willreturn
define internal i32 @trigger_1(%rt_call* nocapture readonly %call) #0 {
entry:
  %0 = getelementptr inbounds %rt_call, %rt_call* %call, i64 0, i32 0
  %slots = load %rt_value*, %rt_value** %0, align 8
  %1 = getelementptr inbounds %rt_value, %rt_value* %slots, i64 9, i32 0
  %ivr.name.tag = load i32, i32* %1, align 4
  %2 = icmp ugt i32 %ivr.name.tag, 1
  br i1 %2, label %and.rhs, label %and.end

and.rhs:                                          ; preds = %entry
  %3 = getelementptr inbounds %rt_value, %rt_value* %slots, i64 9, i32 2
  %4 = getelementptr inbounds %rt_value, %rt_value* %slots, i64 9, i32 1
  %ivr.name.len4 = load i32, i32* %4, align 4
  %ivr.name.bits5 = load i64, i64* %3, align 8
  %5 = icmp eq i32 %ivr.name.len4, 0
  %6 = icmp eq i32 %ivr.name.tag, 4
  %7 = and i1 %6, %5
  br i1 %7, label %and.end, label %in.next

and.end:                                          ; preds = %and.rhs, %streq.bytes, %in.next, %entry
  %8 = phi i32 [ 0, %entry ], [ 0, %and.rhs ], [ 1, %in.next ], [ %phi.cast7, %streq.bytes ]
  ret i32 %8

in.next:                                          ; preds = %and.rhs
  %9 = icmp eq i32 %ivr.name.len4, 7
  %10 = and i1 %6, %9
  br i1 %10, label %streq.bytes, label %and.end

streq.bytes:                                      ; preds = %in.next
  %str = inttoptr i64 %ivr.name.bits5 to i8*
  %11 = inttoptr i64 %ivr.name.bits5 to i32*
  %12 = load i32, i32* %11, align 1
  %13 = icmp eq i32 %12, 1852534389
  %14 = getelementptr inbounds i8, i8* %str, i64 4
  %15 = bitcast i8* %14 to i16*
  %16 = load i16, i16* %15, align 1
  %17 = icmp eq i16 %16, 30575
  %18 = and i1 %13, %17
  %19 = getelementptr inbounds i8, i8* %str, i64 6
  %20 = load i8, i8* %19, align 1
  %21 = icmp eq i8 %20, 110
  %22 = and i1 %18, %21
  %phi.bo = xor i1 %22, true
  %phi.cast7 = zext i1 %phi.bo to i32
  br label %and.end
}

define internal i32 @trigger_2(%rt_call* %call) {
entry:
  %0 = getelementptr inbounds %rt_call, %rt_call* %call, i64 0, i32 0
  %slots = load %rt_value*, %rt_value** %0, align 8
  %ivr.name = getelementptr inbounds %rt_value, %rt_value* %slots, i64 9
  %1 = tail call i32 @rt_matches(%rt_call* %call, i32 0, %rt_value* nonnull %ivr.name)
  %2 = icmp ne i32 %1, 0
  %3 = zext i1 %2 to i32
  ret i32 %3
}

define internal i32 @trigger_3(%rt_call* %call) {
entry:
  %0 = tail call i32 @rt_now_in(%rt_call* %call, i32 0)
  %1 = icmp ne i32 %0, 0
  %2 = zext i1 %1 to i32
  ret i32 %2
}

define i32 @on_event(%rt_call* %call) local_unnamed_addr {
entry:
  %args38 = alloca [1 x %rt_value], align 8
  %args29 = alloca [3 x %rt_value], align 8
  %args22 = alloca [3 x %rt_value], align 8
  %args20 = alloca [1 x %rt_value], align 8
  %out19 = alloca %rt_value, align 8
  %v18 = alloca %rt_value, align 8
  %out14 = alloca %rt_value, align 8
  %v13 = alloca %rt_value, align 8
  %out7 = alloca %rt_value, align 8
  %v6 = alloca %rt_value, align 8
  %out5 = alloca %rt_value, align 8
  %v4 = alloca %rt_value, align 8
  %v = alloca %rt_value, align 8
  %args2 = alloca [1 x %rt_value], align 8
  %args = alloca [1 x %rt_value], align 8
  %out1 = alloca %rt_value, align 8
  %out = alloca %rt_value, align 8
  %0 = getelementptr inbounds %rt_call, %rt_call* %call, i64 0, i32 3
  %resume = load i32, i32* %0, align 4
  switch i32 %resume, label %invalid_resume [
    i32 0, label %b2.compute.enter
    i32 2, label %b2.compute.enter
    i32 3, label %b3.route.enter
    i32 4, label %b4.vip.enter
    i32 5, label %b5.hello.enter
    i32 6, label %b6.bye.enter
    i32 19, label %b19.vip.playing
    i32 25, label %b25.hello.playing
  ]

common.ret:                                       ; preds = %bye.migrate, %hello.migrate, %vip.migrate, %route.migrate, %compute.migrate, %invalid_resume, %bye.entered, %b27.hello.playing.else, %hello.entered, %b21.vip.playing.else, %vip.entered, %b1.call.hangup
  %common.ret.op = phi i32 [ 2, %b1.call.hangup ], [ 0, %vip.entered ], [ 0, %b21.vip.playing.else ], [ 0, %hello.entered ], [ 0, %b27.hello.playing.else ], [ 2, %bye.entered ], [ 2, %invalid_resume ], [ 3, %compute.migrate ], [ 3, %route.migrate ], [ 3, %vip.migrate ], [ 3, %hello.migrate ], [ 3, %bye.migrate ]
  ret i32 %common.ret.op

b1.call.hangup:                                   ; preds = %event.kind33, %event.kind
  tail call void @rt_end(%rt_call* nonnull %call, i8* getelementptr inbounds ([15 x i8], [15 x i8]* @.str.1, i64 0, i64 0))
  br label %common.ret

b2.compute.enter:                                 ; preds = %entry, %entry
  %1 = tail call i32 @rt_enter_module(%rt_call* nonnull %call, i32 0)
  %.not43 = icmp eq i32 %1, 0
  br i1 %.not43, label %compute.entered, label %compute.migrate, !prof !0

b3.route.enter:                                   ; preds = %neg.end, %entry
  %2 = call i32 @rt_enter_module(%rt_call* nonnull %call, i32 1)
  %.not41 = icmp eq i32 %2, 0
  br i1 %.not41, label %route.entered, label %route.migrate, !prof !0

b4.vip.enter:                                     ; preds = %and.end, %entry
  %3 = call i32 @rt_enter_module(%rt_call* nonnull %call, i32 2)
  %.not40 = icmp eq i32 %3, 0
  br i1 %.not40, label %vip.entered, label %vip.migrate, !prof !0

b5.hello.enter:                                   ; preds = %trigger_1.exit.thread45, %trigger_1.exit, %entry
  %4 = call i32 @rt_enter_module(%rt_call* nonnull %call, i32 3)
  %.not39 = icmp eq i32 %4, 0
  br i1 %.not39, label %hello.entered, label %hello.migrate, !prof !0

b6.bye.enter:                                     ; preds = %event.kind33, %event.kind, %b12.route.branch, %entry
  %5 = call i32 @rt_enter_module(%rt_call* nonnull %call, i32 4)
  %.not = icmp eq i32 %5, 0
  br i1 %.not, label %bye.entered, label %bye.migrate, !prof !0

b10.route.branch:                                 ; preds = %and.end.thread, %and.end
  %6 = getelementptr inbounds %rt_call, %rt_call* %call, i64 0, i32 0
  %slots.i = load %rt_value*, %rt_value** %6, align 8
  %7 = getelementptr inbounds %rt_value, %rt_value* %slots.i, i64 9, i32 0
  %ivr.name.tag.i = load i32, i32* %7, align 4
  %8 = icmp ugt i32 %ivr.name.tag.i, 1
  br i1 %8, label %and.rhs.i, label %trigger_1.exit.thread

and.rhs.i:                                        ; preds = %b10.route.branch
  %9 = getelementptr inbounds %rt_value, %rt_value* %slots.i, i64 9, i32 2
  %10 = getelementptr inbounds %rt_value, %rt_value* %slots.i, i64 9, i32 1
  %ivr.name.len4.i = load i32, i32* %10, align 4
  %ivr.name.bits5.i = load i64, i64* %9, align 8
  %11 = icmp eq i32 %ivr.name.len4.i, 0
  %12 = icmp eq i32 %ivr.name.tag.i, 4
  %13 = and i1 %12, %11
  br i1 %13, label %trigger_1.exit.thread, label %in.next.i

in.next.i:                                        ; preds = %and.rhs.i
  %14 = icmp eq i32 %ivr.name.len4.i, 7
  %15 = and i1 %12, %14
  br i1 %15, label %trigger_1.exit, label %trigger_1.exit.thread45

trigger_1.exit.thread45:                          ; preds = %in.next.i
  call void @rt_trace_branch(%rt_call* nonnull %call, i8* getelementptr inbounds ([11 x i8], [11 x i8]* @.str.5, i64 0, i64 0), i32 1)
  br label %b5.hello.enter

trigger_1.exit.thread:                            ; preds = %b10.route.branch, %and.rhs.i
  call void @rt_trace_branch(%rt_call* nonnull %call, i8* getelementptr inbounds ([11 x i8], [11 x i8]* @.str.5, i64 0, i64 0), i32 0)
  br label %b12.route.branch

trigger_1.exit:                                   ; preds = %in.next.i
  %str.i = inttoptr i64 %ivr.name.bits5.i to i8*
  %16 = inttoptr i64 %ivr.name.bits5.i to i32*
  %17 = load i32, i32* %16, align 1
  %18 = icmp eq i32 %17, 1852534389
  %19 = getelementptr inbounds i8, i8* %str.i, i64 4
  %20 = bitcast i8* %19 to i16*
  %21 = load i16, i16* %20, align 1
  %22 = icmp eq i16 %21, 30575
  %23 = and i1 %18, %22
  %24 = getelementptr inbounds i8, i8* %str.i, i64 6
  %25 = load i8, i8* %24, align 1
  %26 = icmp eq i8 %25, 110
  %27 = and i1 %23, %26
  %phi.bo.i = xor i1 %27, true
  %28 = zext i1 %phi.bo.i to i32
  call void @rt_trace_branch(%rt_call* nonnull %call, i8* getelementptr inbounds ([11 x i8], [11 x i8]* @.str.5, i64 0, i64 0), i32 %28)
  br i1 %27, label %b12.route.branch, label %b5.hello.enter

b12.route.branch:                                 ; preds = %trigger_1.exit.thread, %trigger_1.exit
  %slots.i44 = load %rt_value*, %rt_value** %6, align 8
  %ivr.name.i = getelementptr inbounds %rt_value, %rt_value* %slots.i44, i64 9
  %29 = call i32 @rt_matches(%rt_call* nonnull %call, i32 0, %rt_value* nonnull %ivr.name.i)
  %30 = icmp ne i32 %29, 0
  %31 = zext i1 %30 to i32
  call void @rt_trace_branch(%rt_call* nonnull %call, i8* getelementptr inbounds ([13 x i8], [13 x i8]* @.str.6, i64 0, i64 0), i32 %31)
  br label %b6.bye.enter

b19.vip.playing:                                  ; preds = %entry
  %32 = getelementptr inbounds %rt_call, %rt_call* %call, i64 0, i32 2
  %event = load %rt_event*, %rt_event** %32, align 8
  %33 = icmp eq %rt_event* %event, null
  br i1 %33, label %b21.vip.playing.else, label %event.kind

b21.vip.playing.else:                             ; preds = %event.kind, %b19.vip.playing
  store i32 19, i32* %0, align 4
  br label %common.ret

b25.hello.playing:                                ; preds = %entry
  %34 = getelementptr inbounds %rt_call, %rt_call* %call, i64 0, i32 2
  %event32 = load %rt_event*, %rt_event** %34, align 8
  %35 = icmp eq %rt_event* %event32, null
  br i1 %35, label %b27.hello.playing.else, label %event.kind33

b27.hello.playing.else:                           ; preds = %event.kind33, %b25.hello.playing
  store i32 25, i32* %0, align 4
  br label %common.ret

invalid_resume:                                   ; preds = %entry
  tail call void @rt_end(%rt_call* nonnull %call, i8* getelementptr inbounds ([21 x i8], [21 x i8]* @.str, i64 0, i64 0))
  br label %common.ret

compute.migrate:                                  ; preds = %b2.compute.enter
  store i32 2, i32* %0, align 4
  br label %common.ret

compute.entered:                                  ; preds = %b2.compute.enter
  %36 = bitcast %rt_value* %out to i8*
  call void @llvm.lifetime.start.p0i8(i64 16, i8* nonnull %36)
  call void @llvm.memset.p0i8.i64(i8* noundef nonnull align 8 dereferenceable(16) %36, i8 0, i64 16, i1 false)
  tail call void @rt_tmpl_begin(%rt_call* nonnull %call)
  tail call void @rt_tmpl_text(%rt_call* nonnull %call, i8* getelementptr inbounds ([4 x i8], [4 x i8]* @.str.2, i64 0, i64 0), i32 3)
  %37 = bitcast %rt_value* %out1 to i8*
  call void @llvm.lifetime.start.p0i8(i64 16, i8* nonnull %37)
  call void @llvm.memset.p0i8.i64(i8* noundef nonnull align 8 dereferenceable(16) %37, i8 0, i64 16, i1 false)
  %38 = bitcast [1 x %rt_value]* %args to i8*
  call void @llvm.lifetime.start.p0i8(i64 16, i8* nonnull %38)
  %39 = getelementptr inbounds [1 x %rt_value], [1 x %rt_value]* %args, i64 0, i64 0
  call void @llvm.memset.p0i8.i64(i8* noundef nonnull align 8 dereferenceable(16) %38, i8 0, i64 16, i1 false)
  %40 = bitcast [1 x %rt_value]* %args2 to i8*
  call void @llvm.lifetime.start.p0i8(i64 16, i8* nonnull %40)
  %41 = getelementptr inbounds [1 x %rt_value], [1 x %rt_value]* %args2, i64 0, i64 0
  %42 = getelementptr inbounds %rt_call, %rt_call* %call, i64 0, i32 0
  %slots = load %rt_value*, %rt_value** %42, align 8
  %ivr.name = getelementptr inbounds %rt_value, %rt_value* %slots, i64 9
  %43 = bitcast %rt_value* %ivr.name to i8*
  call void @llvm.memcpy.p0i8.p0i8.i64(i8* noundef nonnull align 8 dereferenceable(16) %40, i8* noundef nonnull align 8 dereferenceable(16) %43, i64 16, i1 false)
  call void @rt_builtin(%rt_call* nonnull %call, i32 8, %rt_value* nonnull %41, i32 1, %rt_value* nonnull %39)
  call void @llvm.lifetime.end.p0i8(i64 16, i8* nonnull %40)
  call void @rt_builtin(%rt_call* nonnull %call, i32 7, %rt_value* nonnull %39, i32 1, %rt_value* nonnull %out1)
  call void @llvm.lifetime.end.p0i8(i64 16, i8* nonnull %38)
  call void @rt_tmpl_value(%rt_call* nonnull %call, %rt_value* nonnull %out1, i32 0)
  call void @llvm.lifetime.end.p0i8(i64 16, i8* nonnull %37)
  call void @rt_tmpl_end(%rt_call* nonnull %call, %rt_value* nonnull %out)
  call void @rt_set_slot(%rt_call* nonnull %call, i32 5, %rt_value* nonnull %out)
  call void @llvm.lifetime.end.p0i8(i64 16, i8* nonnull %36)
  %slots3 = load %rt_value*, %rt_value** %42, align 8
  %44 = getelementptr inbounds %rt_value, %rt_value* %slots3, i64 8, i32 0
  %ivr.balance.tag = load i32, i32* %44, align 4
  %45 = getelementptr inbounds %rt_value, %rt_value* %slots3, i64 8, i32 2
  %ivr.balance.bits = load i64, i64* %45, align 8
  %46 = icmp eq i32 %ivr.balance.tag, 3
  br i1 %46, label %arith.num, label %arith.call

route.migrate:                                    ; preds = %b3.route.enter
  store i32 3, i32* %0, align 4
  br label %common.ret

route.entered:                                    ; preds = %b3.route.enter
  %rich = call i32 @trigger_0(%rt_call* nonnull %call)
  %.not42 = icmp eq i32 %rich, 0
  br i1 %.not42, label %and.end.thread, label %and.end

and.end.thread:                                   ; preds = %route.entered
  call void @rt_trace_branch(%rt_call* nonnull %call, i8* getelementptr inbounds ([21 x i8], [21 x i8]* @.str.4, i64 0, i64 0), i32 0)
  br label %b10.route.branch

vip.migrate:                                      ; preds = %b4.vip.enter
  store i32 4, i32* %0, align 4
  br label %common.ret

vip.entered:                                      ; preds = %b4.vip.enter
  %47 = bitcast [3 x %rt_value]* %args22 to i8*
  call void @llvm.lifetime.start.p0i8(i64 48, i8* nonnull %47)
  %48 = getelementptr inbounds [3 x %rt_value], [3 x %rt_value]* %args22, i64 0, i64 0
  call void @llvm.memset.p0i8.i64(i8* noundef nonnull align 8 dereferenceable(16) %47, i8 0, i64 16, i1 false)
  call void @rt_tmpl_begin(%rt_call* nonnull %call)
  %49 = getelementptr inbounds %rt_call, %rt_call* %call, i64 0, i32 0
  %slots23 = load %rt_value*, %rt_value** %49, align 8
  %app.greeting = getelementptr inbounds %rt_value, %rt_value* %slots23, i64 5
  call void @rt_tmpl_value(%rt_call* nonnull %call, %rt_value* nonnull %app.greeting, i32 0)
  call void @rt_tmpl_text(%rt_call* nonnull %call, i8* getelementptr inbounds ([12 x i8], [12 x i8]* @.str.7, i64 0, i64 0), i32 11)
  %slots24 = load %rt_value*, %rt_value** %49, align 8
  %app.half = getelementptr inbounds %rt_value, %rt_value* %slots24, i64 6
  call void @rt_tmpl_value(%rt_call* nonnull %call, %rt_value* nonnull %app.half, i32 0)
  call void @rt_tmpl_text(%rt_call* nonnull %call, i8* getelementptr inbounds ([8 x i8], [8 x i8]* @.str.8, i64 0, i64 0), i32 7)
  call void @rt_tmpl_end(%rt_call* nonnull %call, %rt_value* nonnull %48)
  %50 = getelementptr inbounds [3 x %rt_value], [3 x %rt_value]* %args22, i64 0, i64 1
  %51 = bitcast %rt_value* %50 to i8*
  call void @llvm.memset.p0i8.i64(i8* noundef nonnull align 8 dereferenceable(32) %51, i8 0, i64 32, i1 false)
  call void @rt_emit(%rt_call* nonnull %call, i32 1, %rt_value* nonnull %48, i32 3)
  call void @llvm.lifetime.end.p0i8(i64 48, i8* nonnull %47)
  store i32 19, i32* %0, align 4
  call void @rt_timer(%rt_call* nonnull %call, i32 0, i32 0)
  br label %common.ret

hello.migrate:                                    ; preds = %b5.hello.enter
  store i32 5, i32* %0, align 4
  br label %common.ret

hello.entered:                                    ; preds = %b5.hello.enter
  %52 = bitcast [3 x %rt_value]* %args29 to i8*
  call void @llvm.lifetime.start.p0i8(i64 48, i8* nonnull %52)
  %53 = getelementptr inbounds [3 x %rt_value], [3 x %rt_value]* %args29, i64 0, i64 0
  call void @llvm.memset.p0i8.i64(i8* noundef nonnull align 8 dereferenceable(16) %52, i8 0, i64 16, i1 false)
  call void @rt_tmpl_begin(%rt_call* nonnull %call)
  %54 = getelementptr inbounds %rt_call, %rt_call* %call, i64 0, i32 0
  %slots30 = load %rt_value*, %rt_value** %54, align 8
  %app.greeting31 = getelementptr inbounds %rt_value, %rt_value* %slots30, i64 5
  call void @rt_tmpl_value(%rt_call* nonnull %call, %rt_value* nonnull %app.greeting31, i32 0)
  call void @rt_tmpl_text(%rt_call* nonnull %call, i8* getelementptr inbounds ([2 x i8], [2 x i8]* @.str.9, i64 0, i64 0), i32 1)
  call void @rt_tmpl_end(%rt_call* nonnull %call, %rt_value* nonnull %53)
  %55 = getelementptr inbounds [3 x %rt_value], [3 x %rt_value]* %args29, i64 0, i64 1
  %56 = bitcast %rt_value* %55 to i8*
  call void @llvm.memset.p0i8.i64(i8* noundef nonnull align 8 dereferenceable(32) %56, i8 0, i64 32, i1 false)
  call void @rt_emit(%rt_call* nonnull %call, i32 1, %rt_value* nonnull %53, i32 3)
  call void @llvm.lifetime.end.p0i8(i64 48, i8* nonnull %52)
  store i32 25, i32* %0, align 4
  call void @rt_timer(%rt_call* nonnull %call, i32 0, i32 0)
  br label %common.ret

bye.migrate:                                      ; preds = %b6.bye.enter
  store i32 6, i32* %0, align 4
  br label %common.ret

bye.entered:                                      ; preds = %b6.bye.enter
  %57 = bitcast [1 x %rt_value]* %args38 to i8*
  call void @llvm.lifetime.start.p0i8(i64 16, i8* nonnull %57)
  %58 = getelementptr inbounds [1 x %rt_value], [1 x %rt_value]* %args38, i64 0, i64 0
  %59 = getelementptr inbounds [1 x %rt_value], [1 x %rt_value]* %args38, i64 0, i64 0, i32 0
  store i32 4, i32* %59, align 8
  %60 = getelementptr inbounds [1 x %rt_value], [1 x %rt_value]* %args38, i64 0, i64 0, i32 1
  store i32 19, i32* %60, align 4
  %61 = getelementptr inbounds [1 x %rt_value], [1 x %rt_value]* %args38, i64 0, i64 0, i32 2
  store i64 ptrtoint ([20 x i8]* @.str.10 to i64), i64* %61, align 8
  call void @rt_emit(%rt_call* nonnull %call, i32 5, %rt_value* nonnull %58, i32 1)
  call void @llvm.lifetime.end.p0i8(i64 16, i8* nonnull %57)
  call void @rt_end(%rt_call* nonnull %call, i8* getelementptr inbounds ([20 x i8], [20 x i8]* @.str.10, i64 0, i64 0))
  br label %common.ret

arith.num:                                        ; preds = %compute.entered
  %62 = bitcast i64 %ivr.balance.bits to double
  %63 = fmul double %62, 5.000000e-01
  %64 = bitcast double %63 to i64
  br label %arith.end

arith.call:                                       ; preds = %compute.entered
  %65 = getelementptr inbounds %rt_value, %rt_value* %slots3, i64 8, i32 1
  %ivr.balance.len = load i32, i32* %65, align 4
  %66 = bitcast %rt_value* %v to i8*
  call void @llvm.lifetime.start.p0i8(i64 16, i8* nonnull %66)
  %67 = getelementptr inbounds %rt_value, %rt_value* %v, i64 0, i32 0
  store i32 %ivr.balance.tag, i32* %67, align 8
  %68 = getelementptr inbounds %rt_value, %rt_value* %v, i64 0, i32 1
  store i32 %ivr.balance.len, i32* %68, align 4
  %69 = getelementptr inbounds %rt_value, %rt_value* %v, i64 0, i32 2
  store i64 %ivr.balance.bits, i64* %69, align 8
  %70 = bitcast %rt_value* %v4 to i8*
  call void @llvm.lifetime.start.p0i8(i64 16, i8* nonnull %70)
  %71 = getelementptr inbounds %rt_value, %rt_value* %v4, i64 0, i32 0
  store i32 3, i32* %71, align 8
  %72 = getelementptr inbounds %rt_value, %rt_value* %v4, i64 0, i32 1
  store i32 0, i32* %72, align 4
  %73 = getelementptr inbounds %rt_value, %rt_value* %v4, i64 0, i32 2
  store i64 4611686018427387904, i64* %73, align 8
  %74 = bitcast %rt_value* %out5 to i8*
  call void @llvm.lifetime.start.p0i8(i64 16, i8* nonnull %74)
  call void @llvm.memset.p0i8.i64(i8* noundef nonnull align 8 dereferenceable(16) %74, i8 0, i64 16, i1 false)
  call void @rt_arith(%rt_call* nonnull %call, i32 3, %rt_value* nonnull %v, %rt_value* nonnull %v4, %rt_value* nonnull %out5)
  %75 = getelementptr inbounds %rt_value, %rt_value* %out5, i64 0, i32 0
  %out.tag = load i32, i32* %75, align 8
  %76 = getelementptr inbounds %rt_value, %rt_value* %out5, i64 0, i32 1
  %out.len = load i32, i32* %76, align 4
  %77 = getelementptr inbounds %rt_value, %rt_value* %out5, i64 0, i32 2
  %out.bits = load i64, i64* %77, align 8
  call void @llvm.lifetime.end.p0i8(i64 16, i8* nonnull %74)
  call void @llvm.lifetime.end.p0i8(i64 16, i8* nonnull %70)
  call void @llvm.lifetime.end.p0i8(i64 16, i8* nonnull %66)
  br label %arith.end

arith.end:                                        ; preds = %arith.call, %arith.num
  %78 = phi i32 [ 3, %arith.num ], [ %out.tag, %arith.call ]
  %79 = phi i32 [ 0, %arith.num ], [ %out.len, %arith.call ]
  %80 = phi i64 [ %64, %arith.num ], [ %out.bits, %arith.call ]
  %81 = bitcast %rt_value* %v6 to i8*
  call void @llvm.lifetime.start.p0i8(i64 16, i8* nonnull %81)
  %82 = getelementptr inbounds %rt_value, %rt_value* %v6, i64 0, i32 0
  store i32 %78, i32* %82, align 8
  %83 = getelementptr inbounds %rt_value, %rt_value* %v6, i64 0, i32 1
  store i32 %79, i32* %83, align 4
  %84 = getelementptr inbounds %rt_value, %rt_value* %v6, i64 0, i32 2
  store i64 %80, i64* %84, align 8
  call void @rt_set_slot(%rt_call* nonnull %call, i32 6, %rt_value* nonnull %v6)
  call void @llvm.lifetime.end.p0i8(i64 16, i8* nonnull %81)
  %85 = bitcast %rt_value* %out7 to i8*
  call void @llvm.lifetime.start.p0i8(i64 16, i8* nonnull %85)
  call void @llvm.memset.p0i8.i64(i8* noundef nonnull align 8 dereferenceable(16) %85, i8 0, i64 16, i1 false)
  %slots8 = load %rt_value*, %rt_value** %42, align 8
  %86 = getelementptr inbounds %rt_value, %rt_value* %slots8, i64 8, i32 0
  %ivr.balance.tag10 = load i32, i32* %86, align 4
  %87 = getelementptr inbounds %rt_value, %rt_value* %slots8, i64 8, i32 2
  %ivr.balance.bits12 = load i64, i64* %87, align 8
  %88 = icmp eq i32 %ivr.balance.tag10, 3
  br i1 %88, label %neg.num, label %neg.call

neg.num:                                          ; preds = %arith.end
  %89 = bitcast i64 %ivr.balance.bits12 to double
  %90 = fsub double 0.000000e+00, %89
  %91 = bitcast double %90 to i64
  br label %neg.end

neg.call:                                         ; preds = %arith.end
  %92 = getelementptr inbounds %rt_value, %rt_value* %slots8, i64 8, i32 1
  %ivr.balance.len11 = load i32, i32* %92, align 4
  %93 = bitcast %rt_value* %v13 to i8*
  call void @llvm.lifetime.start.p0i8(i64 16, i8* nonnull %93)
  %94 = getelementptr inbounds %rt_value, %rt_value* %v13, i64 0, i32 0
  store i32 %ivr.balance.tag10, i32* %94, align 8
  %95 = getelementptr inbounds %rt_value, %rt_value* %v13, i64 0, i32 1
  store i32 %ivr.balance.len11, i32* %95, align 4
  %96 = getelementptr inbounds %rt_value, %rt_value* %v13, i64 0, i32 2
  store i64 %ivr.balance.bits12, i64* %96, align 8
  %97 = bitcast %rt_value* %out14 to i8*
  call void @llvm.lifetime.start.p0i8(i64 16, i8* nonnull %97)
  call void @llvm.memset.p0i8.i64(i8* noundef nonnull align 8 dereferenceable(16) %97, i8 0, i64 16, i1 false)
  call void @rt_arith(%rt_call* nonnull %call, i32 1, %rt_value* nonnull @.val, %rt_value* nonnull %v13, %rt_value* nonnull %out14)
  %98 = getelementptr inbounds %rt_value, %rt_value* %out14, i64 0, i32 0
  %out.tag15 = load i32, i32* %98, align 8
  %99 = getelementptr inbounds %rt_value, %rt_value* %out14, i64 0, i32 1
  %out.len16 = load i32, i32* %99, align 4
  %100 = getelementptr inbounds %rt_value, %rt_value* %out14, i64 0, i32 2
  %out.bits17 = load i64, i64* %100, align 8
  call void @llvm.lifetime.end.p0i8(i64 16, i8* nonnull %97)
  call void @llvm.lifetime.end.p0i8(i64 16, i8* nonnull %93)
  br label %neg.end

neg.end:                                          ; preds = %neg.call, %neg.num
  %101 = phi i32 [ 3, %neg.num ], [ %out.tag15, %neg.call ]
  %102 = phi i32 [ 0, %neg.num ], [ %out.len16, %neg.call ]
  %103 = phi i64 [ %91, %neg.num ], [ %out.bits17, %neg.call ]
  %104 = bitcast %rt_value* %v18 to i8*
  call void @llvm.lifetime.start.p0i8(i64 16, i8* nonnull %104)
  %105 = getelementptr inbounds %rt_value, %rt_value* %v18, i64 0, i32 0
  store i32 %101, i32* %105, align 8
  %106 = getelementptr inbounds %rt_value, %rt_value* %v18, i64 0, i32 1
  store i32 %102, i32* %106, align 4
  %107 = getelementptr inbounds %rt_value, %rt_value* %v18, i64 0, i32 2
  store i64 %103, i64* %107, align 8
  call void @rt_arith(%rt_call* nonnull %call, i32 4, %rt_value* nonnull %v18, %rt_value* nonnull @.val.3, %rt_value* nonnull %out7)
  call void @llvm.lifetime.end.p0i8(i64 16, i8* nonnull %104)
  call void @rt_set_slot(%rt_call* nonnull %call, i32 7, %rt_value* nonnull %out7)
  call void @llvm.lifetime.end.p0i8(i64 16, i8* nonnull %85)
  %108 = bitcast %rt_value* %out19 to i8*
  call void @llvm.lifetime.start.p0i8(i64 16, i8* nonnull %108)
  call void @llvm.memset.p0i8.i64(i8* noundef nonnull align 8 dereferenceable(16) %108, i8 0, i64 16, i1 false)
  %109 = bitcast [1 x %rt_value]* %args20 to i8*
  call void @llvm.lifetime.start.p0i8(i64 16, i8* nonnull %109)
  %110 = getelementptr inbounds [1 x %rt_value], [1 x %rt_value]* %args20, i64 0, i64 0
  %slots21 = load %rt_value*, %rt_value** %42, align 8
  %call.from = getelementptr inbounds %rt_value, %rt_value* %slots21, i64 1
  %111 = bitcast %rt_value* %call.from to i8*
  call void @llvm.memcpy.p0i8.p0i8.i64(i8* noundef nonnull align 8 dereferenceable(16) %109, i8* noundef nonnull align 8 dereferenceable(16) %111, i64 16, i1 false)
  call void @rt_builtin(%rt_call* nonnull %call, i32 0, %rt_value* nonnull %110, i32 1, %rt_value* nonnull %out19)
  call void @llvm.lifetime.end.p0i8(i64 16, i8* nonnull %109)
  call void @rt_set_slot(%rt_call* nonnull %call, i32 4, %rt_value* nonnull %out19)
  call void @llvm.lifetime.end.p0i8(i64 16, i8* nonnull %108)
  br label %b3.route.enter

and.end:                                          ; preds = %route.entered
  %112 = call i32 @rt_now_in(%rt_call* nonnull %call, i32 0)
  %113 = icmp ne i32 %112, 0
  %114 = zext i1 %113 to i32
  call void @rt_trace_branch(%rt_call* nonnull %call, i8* getelementptr inbounds ([21 x i8], [21 x i8]* @.str.4, i64 0, i64 0), i32 %114)
  br i1 %113, label %b4.vip.enter, label %b10.route.branch

event.kind:                                       ; preds = %b19.vip.playing
  %115 = getelementptr inbounds %rt_event, %rt_event* %event, i64 0, i32 0
  %event.kind25 = load i32, i32* %115, align 4
  switch i32 %event.kind25, label %b21.vip.playing.else [
    i32 6, label %b1.call.hangup
    i32 1, label %b6.bye.enter
  ]

event.kind33:                                     ; preds = %b25.hello.playing
  %116 = getelementptr inbounds %rt_event, %rt_event* %event32, i64 0, i32 0
  %event.kind34 = load i32, i32* %116, align 4
  switch i32 %event.kind34, label %b27.hello.playing.else [
    i32 6, label %b1.call.hangup
    i32 1, label %b6.bye.enter
  ]
}

declare void @rt_end(%rt_call*, i8*) local_unnamed_addr

declare i32 @rt_enter_module(%rt_call*, i32) local_unnamed_addr

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

declare void @rt_set_slot(%rt_call*, i32, %rt_value*) local_unnamed_addr

declare void @rt_arith(%rt_call*, i32, %rt_value*, %rt_value*, %rt_value*) local_unnamed_addr

declare void @rt_trace_branch(%rt_call*, i8*, i32) local_unnamed_addr

declare void @rt_emit(%rt_call*, i32, %rt_value*, i32) local_unnamed_addr

declare void @rt_timer(%rt_call*, i32, i32) local_unnamed_addr

declare i32 @rt_matches(%rt_call*, i32, %rt_value*) local_unnamed_addr

declare i32 @rt_now_in(%rt_call*, i32) local_unnamed_addr

attributes #0 = { mustprogress nofree norecurse nosync nounwind readonly willreturn }
attributes #1 = { argmemonly mustprogress nofree nosync nounwind willreturn }
attributes #2 = { argmemonly mustprogress nofree nounwind willreturn writeonly }
attributes #3 = { argmemonly mustprogress nofree nounwind willreturn }

!0 = !{!"branch_weights", i32 1000, i32 1}
