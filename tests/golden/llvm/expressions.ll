; ModuleID = 'expressions'
source_filename = "expressions"
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

%rt_call = type { %rt_value*, i8*, %rt_event*, i32, i32, i32, i32, i8* }
%rt_value = type { i32, i32, i64 }
%rt_event = type { i32, i32, %rt_value, %rt_value }

@.str = private unnamed_addr constant [21 x i8] c"invalid resume point\00", align 1
@.str.1 = private unnamed_addr constant [15 x i8] c"caller hung up\00", align 1
@.str.2 = private unnamed_addr constant [4 x i8] c"Hi \00", align 1
@.str.3 = private unnamed_addr constant [21 x i8] c"when (and rich open)\00", align 1
@.str.4 = private unnamed_addr constant [11 x i8] c"when named\00", align 1
@.str.5 = private unnamed_addr constant [13 x i8] c"when numeric\00", align 1
@.str.6 = private unnamed_addr constant [12 x i8] c", you have \00", align 1
@.str.7 = private unnamed_addr constant [8 x i8] c" twice.\00", align 1
@.str.8 = private unnamed_addr constant [2 x i8] c".\00", align 1
@.str.9 = private unnamed_addr constant [20 x i8] c"hung up by the flow\00", align 1
@triggers = local_unnamed_addr constant [4 x i32 (%rt_call*)*] [i32 (%rt_call*)* @trigger_0, i32 (%rt_call*)* @trigger_1, i32 (%rt_call*)* @trigger_2, i32 (%rt_call*)* @trigger_3]

define internal i32 @trigger_0(%rt_call* %call) {
entry:
  %v8 = alloca %rt_value, align 8
  %v7 = alloca %rt_value, align 8
  %v6 = alloca %rt_value, align 8
  %v2 = alloca %rt_value, align 8
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
  br label %arith.num3

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
  %15 = bitcast %rt_value* %v2 to i8*
  call void @llvm.lifetime.start.p0i8(i64 16, i8* nonnull %15)
  %16 = getelementptr inbounds %rt_value, %rt_value* %v2, i64 0, i32 0
  %17 = getelementptr inbounds %rt_value, %rt_value* %v2, i64 0, i32 1
  %18 = getelementptr inbounds %rt_value, %rt_value* %v2, i64 0, i32 2
  %19 = bitcast %rt_value* %v2 to i8*
  call void @llvm.memset.p0i8.i64(i8* noundef nonnull align 8 dereferenceable(16) %19, i8 0, i64 16, i1 false)
  call void @rt_arith(%rt_call* nonnull %call, i32 2, %rt_value* nonnull %v, %rt_value* nonnull %v1, %rt_value* nonnull %v2)
  %out.tag = load i32, i32* %16, align 8
  %out.len = load i32, i32* %17, align 4
  %20 = bitcast i64* %18 to double*
  %out.bits14 = load double, double* %20, align 8
  call void @llvm.lifetime.end.p0i8(i64 16, i8* nonnull %15)
  call void @llvm.lifetime.end.p0i8(i64 16, i8* nonnull %11)
  call void @llvm.lifetime.end.p0i8(i64 16, i8* nonnull %7)
  %21 = icmp eq i32 %out.tag, 3
  br i1 %21, label %arith.num3, label %arith.call4

arith.num3:                                       ; preds = %arith.end.thread, %arith.end
  %22 = phi double [ %5, %arith.end.thread ], [ %out.bits14, %arith.end ]
  %23 = fadd double %22, -1.000000e+01
  br label %arith.end5

arith.call4:                                      ; preds = %arith.end
  %24 = bitcast %rt_value* %v6 to i8*
  call void @llvm.lifetime.start.p0i8(i64 16, i8* nonnull %24)
  %25 = getelementptr inbounds %rt_value, %rt_value* %v6, i64 0, i32 0
  store i32 %out.tag, i32* %25, align 8
  %26 = getelementptr inbounds %rt_value, %rt_value* %v6, i64 0, i32 1
  store i32 %out.len, i32* %26, align 4
  %27 = getelementptr inbounds %rt_value, %rt_value* %v6, i64 0, i32 2
  %28 = bitcast i64* %27 to double*
  store double %out.bits14, double* %28, align 8
  %29 = bitcast %rt_value* %v7 to i8*
  call void @llvm.lifetime.start.p0i8(i64 16, i8* nonnull %29)
  %30 = getelementptr inbounds %rt_value, %rt_value* %v7, i64 0, i32 0
  store i32 3, i32* %30, align 8
  %31 = getelementptr inbounds %rt_value, %rt_value* %v7, i64 0, i32 1
  store i32 0, i32* %31, align 4
  %32 = getelementptr inbounds %rt_value, %rt_value* %v7, i64 0, i32 2
  store i64 4621819117588971520, i64* %32, align 8
  %33 = bitcast %rt_value* %v8 to i8*
  call void @llvm.lifetime.start.p0i8(i64 16, i8* nonnull %33)
  %34 = getelementptr inbounds %rt_value, %rt_value* %v8, i64 0, i32 0
  %35 = getelementptr inbounds %rt_value, %rt_value* %v8, i64 0, i32 2
  %36 = bitcast %rt_value* %v8 to i8*
  call void @llvm.memset.p0i8.i64(i8* noundef nonnull align 8 dereferenceable(16) %36, i8 0, i64 16, i1 false)
  call void @rt_arith(%rt_call* nonnull %call, i32 1, %rt_value* nonnull %v6, %rt_value* nonnull %v7, %rt_value* nonnull %v8)
  %out.tag9 = load i32, i32* %34, align 8
  %37 = bitcast i64* %35 to double*
  %out.bits1113 = load double, double* %37, align 8
  call void @llvm.lifetime.end.p0i8(i64 16, i8* nonnull %33)
  call void @llvm.lifetime.end.p0i8(i64 16, i8* nonnull %29)
  call void @llvm.lifetime.end.p0i8(i64 16, i8* nonnull %24)
  %phi.cmp = icmp eq i32 %out.tag9, 3
  br label %arith.end5

arith.end5:                                       ; preds = %arith.call4, %arith.num3
  %38 = phi i1 [ true, %arith.num3 ], [ %phi.cmp, %arith.call4 ]
  %39 = phi double [ %23, %arith.num3 ], [ %out.bits1113, %arith.call4 ]
  %40 = fcmp oge double %39, 1.000000e+03
  %41 = and i1 %38, %40
  br i1 %41, label %or.end, label %or.rhs

or.rhs:                                           ; preds = %arith.end5
  %slots12 = load %rt_value*, %rt_value** %0, align 8
  %42 = getelementptr inbounds %rt_value, %rt_value* %slots12, i64 10, i32 0
  %ivr.vip.tag = load i32, i32* %42, align 4
  %43 = getelementptr inbounds %rt_value, %rt_value* %slots12, i64 10, i32 2
  %ivr.vip.bits = load i64, i64* %43, align 8
  %44 = icmp eq i64 %ivr.vip.bits, 1
  %45 = icmp eq i32 %ivr.vip.tag, 2
  %46 = and i1 %45, %44
  %phi.cast = zext i1 %46 to i32
  br label %or.end

or.end:                                           ; preds = %or.rhs, %arith.end5
  %47 = phi i32 [ 1, %arith.end5 ], [ %phi.cast, %or.rhs ]
  ret i32 %47
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
  %v = alloca %rt_value, align 8
  %0 = getelementptr inbounds %rt_call, %rt_call* %call, i64 0, i32 0
  %slots = load %rt_value*, %rt_value** %0, align 8
  %1 = getelementptr inbounds %rt_value, %rt_value* %slots, i64 9, i32 0
  %ivr.name.tag = load i32, i32* %1, align 4
  %2 = getelementptr inbounds %rt_value, %rt_value* %slots, i64 9, i32 1
  %ivr.name.len = load i32, i32* %2, align 4
  %3 = getelementptr inbounds %rt_value, %rt_value* %slots, i64 9, i32 2
  %ivr.name.bits = load i64, i64* %3, align 8
  %4 = bitcast %rt_value* %v to i8*
  call void @llvm.lifetime.start.p0i8(i64 16, i8* nonnull %4)
  %5 = getelementptr inbounds %rt_value, %rt_value* %v, i64 0, i32 0
  store i32 %ivr.name.tag, i32* %5, align 8
  %6 = getelementptr inbounds %rt_value, %rt_value* %v, i64 0, i32 1
  store i32 %ivr.name.len, i32* %6, align 4
  %7 = getelementptr inbounds %rt_value, %rt_value* %v, i64 0, i32 2
  store i64 %ivr.name.bits, i64* %7, align 8
  %8 = call i32 @rt_matches(%rt_call* %call, i32 0, %rt_value* nonnull %v)
  call void @llvm.lifetime.end.p0i8(i64 16, i8* nonnull %4)
  %9 = icmp ne i32 %8, 0
  %10 = zext i1 %9 to i32
  ret i32 %10
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
  %v.i = alloca %rt_value, align 8
  %args78 = alloca [1 x %rt_value], align 8
  %args69 = alloca [3 x %rt_value], align 8
  %v65 = alloca %rt_value, align 8
  %v64 = alloca %rt_value, align 8
  %args53 = alloca [3 x %rt_value], align 8
  %v49 = alloca %rt_value, align 8
  %v48 = alloca %rt_value, align 8
  %v46 = alloca %rt_value, align 8
  %v44 = alloca %rt_value, align 8
  %v40 = alloca %rt_value, align 8
  %args39 = alloca [1 x %rt_value], align 8
  %v37 = alloca %rt_value, align 8
  %v33 = alloca %rt_value, align 8
  %v32 = alloca %rt_value, align 8
  %v31 = alloca %rt_value, align 8
  %v27 = alloca %rt_value, align 8
  %v26 = alloca %rt_value, align 8
  %v25 = alloca %rt_value, align 8
  %v19 = alloca %rt_value, align 8
  %v15 = alloca %rt_value, align 8
  %v14 = alloca %rt_value, align 8
  %v13 = alloca %rt_value, align 8
  %v11 = alloca %rt_value, align 8
  %v7 = alloca %rt_value, align 8
  %v6 = alloca %rt_value, align 8
  %v2 = alloca %rt_value, align 8
  %args1 = alloca [1 x %rt_value], align 8
  %v = alloca %rt_value, align 8
  %args = alloca [1 x %rt_value], align 8
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

b1.call.hangup:                                   ; preds = %event.kind71, %event.kind
  tail call void @rt_end(%rt_call* nonnull %call, i8* getelementptr inbounds ([15 x i8], [15 x i8]* @.str.1, i64 0, i64 0))
  br label %common.ret

b2.compute.enter:                                 ; preds = %entry, %entry
  %1 = tail call i32 @rt_enter_module(%rt_call* nonnull %call, i32 0)
  %.not83 = icmp eq i32 %1, 0
  br i1 %.not83, label %compute.entered, label %compute.migrate, !prof !0

b3.route.enter:                                   ; preds = %neg.end, %entry
  %2 = call i32 @rt_enter_module(%rt_call* nonnull %call, i32 1)
  %.not81 = icmp eq i32 %2, 0
  br i1 %.not81, label %route.entered, label %route.migrate, !prof !0

b4.vip.enter:                                     ; preds = %and.end, %entry
  %3 = call i32 @rt_enter_module(%rt_call* nonnull %call, i32 2)
  %.not80 = icmp eq i32 %3, 0
  br i1 %.not80, label %vip.entered, label %vip.migrate, !prof !0

b5.hello.enter:                                   ; preds = %trigger_1.exit.thread86, %trigger_1.exit, %entry
  %4 = call i32 @rt_enter_module(%rt_call* nonnull %call, i32 3)
  %.not79 = icmp eq i32 %4, 0
  br i1 %.not79, label %hello.entered, label %hello.migrate, !prof !0

b6.bye.enter:                                     ; preds = %event.kind71, %event.kind, %b12.route.branch, %entry
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
  br i1 %15, label %trigger_1.exit, label %trigger_1.exit.thread86

trigger_1.exit.thread86:                          ; preds = %in.next.i
  call void @rt_trace_branch(%rt_call* nonnull %call, i8* getelementptr inbounds ([11 x i8], [11 x i8]* @.str.4, i64 0, i64 0), i32 1)
  br label %b5.hello.enter

trigger_1.exit.thread:                            ; preds = %b10.route.branch, %and.rhs.i
  call void @rt_trace_branch(%rt_call* nonnull %call, i8* getelementptr inbounds ([11 x i8], [11 x i8]* @.str.4, i64 0, i64 0), i32 0)
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
  call void @rt_trace_branch(%rt_call* nonnull %call, i8* getelementptr inbounds ([11 x i8], [11 x i8]* @.str.4, i64 0, i64 0), i32 %28)
  br i1 %27, label %b12.route.branch, label %b5.hello.enter

b12.route.branch:                                 ; preds = %trigger_1.exit.thread, %trigger_1.exit
  %slots.i84 = load %rt_value*, %rt_value** %6, align 8
  %29 = getelementptr inbounds %rt_value, %rt_value* %slots.i84, i64 9, i32 0
  %ivr.name.tag.i85 = load i32, i32* %29, align 4
  %30 = getelementptr inbounds %rt_value, %rt_value* %slots.i84, i64 9, i32 1
  %ivr.name.len.i = load i32, i32* %30, align 4
  %31 = getelementptr inbounds %rt_value, %rt_value* %slots.i84, i64 9, i32 2
  %ivr.name.bits.i = load i64, i64* %31, align 8
  %32 = bitcast %rt_value* %v.i to i8*
  call void @llvm.lifetime.start.p0i8(i64 16, i8* nonnull %32)
  %33 = getelementptr inbounds %rt_value, %rt_value* %v.i, i64 0, i32 0
  store i32 %ivr.name.tag.i85, i32* %33, align 8
  %34 = getelementptr inbounds %rt_value, %rt_value* %v.i, i64 0, i32 1
  store i32 %ivr.name.len.i, i32* %34, align 4
  %35 = getelementptr inbounds %rt_value, %rt_value* %v.i, i64 0, i32 2
  store i64 %ivr.name.bits.i, i64* %35, align 8
  %36 = call i32 @rt_matches(%rt_call* nonnull %call, i32 0, %rt_value* nonnull %v.i)
  call void @llvm.lifetime.end.p0i8(i64 16, i8* nonnull %32)
  %37 = icmp ne i32 %36, 0
  %38 = zext i1 %37 to i32
  call void @rt_trace_branch(%rt_call* nonnull %call, i8* getelementptr inbounds ([13 x i8], [13 x i8]* @.str.5, i64 0, i64 0), i32 %38)
  br label %b6.bye.enter

b19.vip.playing:                                  ; preds = %entry
  %39 = getelementptr inbounds %rt_call, %rt_call* %call, i64 0, i32 2
  %event = load %rt_event*, %rt_event** %39, align 8
  %40 = icmp eq %rt_event* %event, null
  br i1 %40, label %b21.vip.playing.else, label %event.kind

b21.vip.playing.else:                             ; preds = %event.kind, %b19.vip.playing
  store i32 19, i32* %0, align 4
  br label %common.ret

b25.hello.playing:                                ; preds = %entry
  %41 = getelementptr inbounds %rt_call, %rt_call* %call, i64 0, i32 2
  %event70 = load %rt_event*, %rt_event** %41, align 8
  %42 = icmp eq %rt_event* %event70, null
  br i1 %42, label %b27.hello.playing.else, label %event.kind71

b27.hello.playing.else:                           ; preds = %event.kind71, %b25.hello.playing
  store i32 25, i32* %0, align 4
  br label %common.ret

invalid_resume:                                   ; preds = %entry
  tail call void @rt_end(%rt_call* nonnull %call, i8* getelementptr inbounds ([21 x i8], [21 x i8]* @.str, i64 0, i64 0))
  br label %common.ret

compute.migrate:                                  ; preds = %b2.compute.enter
  store i32 2, i32* %0, align 4
  br label %common.ret

compute.entered:                                  ; preds = %b2.compute.enter
  tail call void @rt_tmpl_begin(%rt_call* nonnull %call)
  tail call void @rt_tmpl_text(%rt_call* nonnull %call, i8* getelementptr inbounds ([4 x i8], [4 x i8]* @.str.2, i64 0, i64 0), i32 3)
  %43 = getelementptr inbounds %rt_call, %rt_call* %call, i64 0, i32 0
  %slots = load %rt_value*, %rt_value** %43, align 8
  %44 = getelementptr inbounds %rt_value, %rt_value* %slots, i64 9, i32 0
  %ivr.name.tag = load i32, i32* %44, align 4
  %45 = getelementptr inbounds %rt_value, %rt_value* %slots, i64 9, i32 1
  %ivr.name.len = load i32, i32* %45, align 4
  %46 = getelementptr inbounds %rt_value, %rt_value* %slots, i64 9, i32 2
  %ivr.name.bits = load i64, i64* %46, align 8
  %47 = bitcast [1 x %rt_value]* %args to i8*
  call void @llvm.lifetime.start.p0i8(i64 16, i8* nonnull %47)
  %48 = getelementptr inbounds [1 x %rt_value], [1 x %rt_value]* %args, i64 0, i64 0
  %49 = getelementptr inbounds [1 x %rt_value], [1 x %rt_value]* %args, i64 0, i64 0, i32 0
  store i32 %ivr.name.tag, i32* %49, align 8
  %50 = getelementptr inbounds [1 x %rt_value], [1 x %rt_value]* %args, i64 0, i64 0, i32 1
  store i32 %ivr.name.len, i32* %50, align 4
  %51 = getelementptr inbounds [1 x %rt_value], [1 x %rt_value]* %args, i64 0, i64 0, i32 2
  store i64 %ivr.name.bits, i64* %51, align 8
  %52 = bitcast %rt_value* %v to i8*
  call void @llvm.lifetime.start.p0i8(i64 16, i8* nonnull %52)
  %53 = getelementptr inbounds %rt_value, %rt_value* %v, i64 0, i32 0
  %54 = getelementptr inbounds %rt_value, %rt_value* %v, i64 0, i32 1
  %55 = getelementptr inbounds %rt_value, %rt_value* %v, i64 0, i32 2
  %56 = bitcast %rt_value* %v to i8*
  call void @llvm.memset.p0i8.i64(i8* noundef nonnull align 8 dereferenceable(16) %56, i8 0, i64 16, i1 false)
  call void @rt_builtin(%rt_call* nonnull %call, i32 8, %rt_value* nonnull %48, i32 1, %rt_value* nonnull %v)
  %out.tag = load i32, i32* %53, align 8
  %out.len = load i32, i32* %54, align 4
  %out.bits = load i64, i64* %55, align 8
  call void @llvm.lifetime.end.p0i8(i64 16, i8* nonnull %52)
  call void @llvm.lifetime.end.p0i8(i64 16, i8* nonnull %47)
  %57 = bitcast [1 x %rt_value]* %args1 to i8*
  call void @llvm.lifetime.start.p0i8(i64 16, i8* nonnull %57)
  %58 = getelementptr inbounds [1 x %rt_value], [1 x %rt_value]* %args1, i64 0, i64 0
  %59 = getelementptr inbounds [1 x %rt_value], [1 x %rt_value]* %args1, i64 0, i64 0, i32 0
  store i32 %out.tag, i32* %59, align 8
  %60 = getelementptr inbounds [1 x %rt_value], [1 x %rt_value]* %args1, i64 0, i64 0, i32 1
  store i32 %out.len, i32* %60, align 4
  %61 = getelementptr inbounds [1 x %rt_value], [1 x %rt_value]* %args1, i64 0, i64 0, i32 2
  store i64 %out.bits, i64* %61, align 8
  %62 = bitcast %rt_value* %v2 to i8*
  call void @llvm.lifetime.start.p0i8(i64 16, i8* nonnull %62)
  %63 = getelementptr inbounds %rt_value, %rt_value* %v2, i64 0, i32 0
  %64 = getelementptr inbounds %rt_value, %rt_value* %v2, i64 0, i32 1
  %65 = getelementptr inbounds %rt_value, %rt_value* %v2, i64 0, i32 2
  %66 = bitcast %rt_value* %v2 to i8*
  call void @llvm.memset.p0i8.i64(i8* noundef nonnull align 8 dereferenceable(16) %66, i8 0, i64 16, i1 false)
  call void @rt_builtin(%rt_call* nonnull %call, i32 7, %rt_value* nonnull %58, i32 1, %rt_value* nonnull %v2)
  %out.tag3 = load i32, i32* %63, align 8
  %out.len4 = load i32, i32* %64, align 4
  %out.bits5 = load i64, i64* %65, align 8
  call void @llvm.lifetime.end.p0i8(i64 16, i8* nonnull %62)
  call void @llvm.lifetime.end.p0i8(i64 16, i8* nonnull %57)
  %67 = bitcast %rt_value* %v6 to i8*
  call void @llvm.lifetime.start.p0i8(i64 16, i8* nonnull %67)
  %68 = getelementptr inbounds %rt_value, %rt_value* %v6, i64 0, i32 0
  store i32 %out.tag3, i32* %68, align 8
  %69 = getelementptr inbounds %rt_value, %rt_value* %v6, i64 0, i32 1
  store i32 %out.len4, i32* %69, align 4
  %70 = getelementptr inbounds %rt_value, %rt_value* %v6, i64 0, i32 2
  store i64 %out.bits5, i64* %70, align 8
  call void @rt_tmpl_value(%rt_call* nonnull %call, %rt_value* nonnull %v6, i32 0)
  call void @llvm.lifetime.end.p0i8(i64 16, i8* nonnull %67)
  %71 = bitcast %rt_value* %v7 to i8*
  call void @llvm.lifetime.start.p0i8(i64 16, i8* nonnull %71)
  %72 = getelementptr inbounds %rt_value, %rt_value* %v7, i64 0, i32 0
  %73 = getelementptr inbounds %rt_value, %rt_value* %v7, i64 0, i32 1
  %74 = getelementptr inbounds %rt_value, %rt_value* %v7, i64 0, i32 2
  %75 = bitcast %rt_value* %v7 to i8*
  call void @llvm.memset.p0i8.i64(i8* noundef nonnull align 8 dereferenceable(16) %75, i8 0, i64 16, i1 false)
  call void @rt_tmpl_end(%rt_call* nonnull %call, %rt_value* nonnull %v7)
  %out.tag8 = load i32, i32* %72, align 8
  %out.len9 = load i32, i32* %73, align 4
  %out.bits10 = load i64, i64* %74, align 8
  call void @llvm.lifetime.end.p0i8(i64 16, i8* nonnull %71)
  %76 = bitcast %rt_value* %v11 to i8*
  call void @llvm.lifetime.start.p0i8(i64 16, i8* nonnull %76)
  %77 = getelementptr inbounds %rt_value, %rt_value* %v11, i64 0, i32 0
  store i32 %out.tag8, i32* %77, align 8
  %78 = getelementptr inbounds %rt_value, %rt_value* %v11, i64 0, i32 1
  store i32 %out.len9, i32* %78, align 4
  %79 = getelementptr inbounds %rt_value, %rt_value* %v11, i64 0, i32 2
  store i64 %out.bits10, i64* %79, align 8
  call void @rt_set_slot(%rt_call* nonnull %call, i32 5, %rt_value* nonnull %v11)
  call void @llvm.lifetime.end.p0i8(i64 16, i8* nonnull %76)
  %slots12 = load %rt_value*, %rt_value** %43, align 8
  %80 = getelementptr inbounds %rt_value, %rt_value* %slots12, i64 8, i32 0
  %ivr.balance.tag = load i32, i32* %80, align 4
  %81 = getelementptr inbounds %rt_value, %rt_value* %slots12, i64 8, i32 2
  %ivr.balance.bits = load i64, i64* %81, align 8
  %82 = icmp eq i32 %ivr.balance.tag, 3
  br i1 %82, label %arith.num, label %arith.call

route.migrate:                                    ; preds = %b3.route.enter
  store i32 3, i32* %0, align 4
  br label %common.ret

route.entered:                                    ; preds = %b3.route.enter
  %rich = call i32 @trigger_0(%rt_call* nonnull %call)
  %.not82 = icmp eq i32 %rich, 0
  br i1 %.not82, label %and.end.thread, label %and.end

and.end.thread:                                   ; preds = %route.entered
  call void @rt_trace_branch(%rt_call* nonnull %call, i8* getelementptr inbounds ([21 x i8], [21 x i8]* @.str.3, i64 0, i64 0), i32 0)
  br label %b10.route.branch

vip.migrate:                                      ; preds = %b4.vip.enter
  store i32 4, i32* %0, align 4
  br label %common.ret

vip.entered:                                      ; preds = %b4.vip.enter
  call void @rt_tmpl_begin(%rt_call* nonnull %call)
  %83 = getelementptr inbounds %rt_call, %rt_call* %call, i64 0, i32 0
  %slots45 = load %rt_value*, %rt_value** %83, align 8
  %84 = getelementptr inbounds %rt_value, %rt_value* %slots45, i64 5, i32 0
  %app.greeting.tag = load i32, i32* %84, align 4
  %85 = getelementptr inbounds %rt_value, %rt_value* %slots45, i64 5, i32 1
  %app.greeting.len = load i32, i32* %85, align 4
  %86 = getelementptr inbounds %rt_value, %rt_value* %slots45, i64 5, i32 2
  %app.greeting.bits = load i64, i64* %86, align 8
  %87 = bitcast %rt_value* %v46 to i8*
  call void @llvm.lifetime.start.p0i8(i64 16, i8* nonnull %87)
  %88 = getelementptr inbounds %rt_value, %rt_value* %v46, i64 0, i32 0
  store i32 %app.greeting.tag, i32* %88, align 8
  %89 = getelementptr inbounds %rt_value, %rt_value* %v46, i64 0, i32 1
  store i32 %app.greeting.len, i32* %89, align 4
  %90 = getelementptr inbounds %rt_value, %rt_value* %v46, i64 0, i32 2
  store i64 %app.greeting.bits, i64* %90, align 8
  call void @rt_tmpl_value(%rt_call* nonnull %call, %rt_value* nonnull %v46, i32 0)
  call void @llvm.lifetime.end.p0i8(i64 16, i8* nonnull %87)
  call void @rt_tmpl_text(%rt_call* nonnull %call, i8* getelementptr inbounds ([12 x i8], [12 x i8]* @.str.6, i64 0, i64 0), i32 11)
  %slots47 = load %rt_value*, %rt_value** %83, align 8
  %91 = getelementptr inbounds %rt_value, %rt_value* %slots47, i64 6, i32 0
  %app.half.tag = load i32, i32* %91, align 4
  %92 = getelementptr inbounds %rt_value, %rt_value* %slots47, i64 6, i32 1
  %app.half.len = load i32, i32* %92, align 4
  %93 = getelementptr inbounds %rt_value, %rt_value* %slots47, i64 6, i32 2
  %app.half.bits = load i64, i64* %93, align 8
  %94 = bitcast %rt_value* %v48 to i8*
  call void @llvm.lifetime.start.p0i8(i64 16, i8* nonnull %94)
  %95 = getelementptr inbounds %rt_value, %rt_value* %v48, i64 0, i32 0
  store i32 %app.half.tag, i32* %95, align 8
  %96 = getelementptr inbounds %rt_value, %rt_value* %v48, i64 0, i32 1
  store i32 %app.half.len, i32* %96, align 4
  %97 = getelementptr inbounds %rt_value, %rt_value* %v48, i64 0, i32 2
  store i64 %app.half.bits, i64* %97, align 8
  call void @rt_tmpl_value(%rt_call* nonnull %call, %rt_value* nonnull %v48, i32 0)
  call void @llvm.lifetime.end.p0i8(i64 16, i8* nonnull %94)
  call void @rt_tmpl_text(%rt_call* nonnull %call, i8* getelementptr inbounds ([8 x i8], [8 x i8]* @.str.7, i64 0, i64 0), i32 7)
  %98 = bitcast %rt_value* %v49 to i8*
  call void @llvm.lifetime.start.p0i8(i64 16, i8* nonnull %98)
  %99 = getelementptr inbounds %rt_value, %rt_value* %v49, i64 0, i32 0
  %100 = getelementptr inbounds %rt_value, %rt_value* %v49, i64 0, i32 1
  %101 = getelementptr inbounds %rt_value, %rt_value* %v49, i64 0, i32 2
  %102 = bitcast %rt_value* %v49 to i8*
  call void @llvm.memset.p0i8.i64(i8* noundef nonnull align 8 dereferenceable(16) %102, i8 0, i64 16, i1 false)
  call void @rt_tmpl_end(%rt_call* nonnull %call, %rt_value* nonnull %v49)
  %out.tag50 = load i32, i32* %99, align 8
  %out.len51 = load i32, i32* %100, align 4
  %out.bits52 = load i64, i64* %101, align 8
  call void @llvm.lifetime.end.p0i8(i64 16, i8* nonnull %98)
  %103 = bitcast [3 x %rt_value]* %args53 to i8*
  call void @llvm.lifetime.start.p0i8(i64 48, i8* nonnull %103)
  %104 = getelementptr inbounds [3 x %rt_value], [3 x %rt_value]* %args53, i64 0, i64 0
  %105 = getelementptr inbounds [3 x %rt_value], [3 x %rt_value]* %args53, i64 0, i64 0, i32 0
  store i32 %out.tag50, i32* %105, align 8
  %106 = getelementptr inbounds [3 x %rt_value], [3 x %rt_value]* %args53, i64 0, i64 0, i32 1
  store i32 %out.len51, i32* %106, align 4
  %107 = getelementptr inbounds [3 x %rt_value], [3 x %rt_value]* %args53, i64 0, i64 0, i32 2
  store i64 %out.bits52, i64* %107, align 8
  %108 = getelementptr inbounds [3 x %rt_value], [3 x %rt_value]* %args53, i64 0, i64 1, i32 0
  %109 = bitcast i32* %108 to i8*
  call void @llvm.memset.p0i8.i64(i8* noundef nonnull align 8 dereferenceable(32) %109, i8 0, i64 32, i1 false)
  call void @rt_emit(%rt_call* nonnull %call, i32 1, %rt_value* nonnull %104, i32 3)
  call void @llvm.lifetime.end.p0i8(i64 48, i8* nonnull %103)
  store i32 19, i32* %0, align 4
  call void @rt_timer(%rt_call* nonnull %call, i32 0, i32 0)
  br label %common.ret

hello.migrate:                                    ; preds = %b5.hello.enter
  store i32 5, i32* %0, align 4
  br label %common.ret

hello.entered:                                    ; preds = %b5.hello.enter
  call void @rt_tmpl_begin(%rt_call* nonnull %call)
  %110 = getelementptr inbounds %rt_call, %rt_call* %call, i64 0, i32 0
  %slots59 = load %rt_value*, %rt_value** %110, align 8
  %111 = getelementptr inbounds %rt_value, %rt_value* %slots59, i64 5, i32 0
  %app.greeting.tag61 = load i32, i32* %111, align 4
  %112 = getelementptr inbounds %rt_value, %rt_value* %slots59, i64 5, i32 1
  %app.greeting.len62 = load i32, i32* %112, align 4
  %113 = getelementptr inbounds %rt_value, %rt_value* %slots59, i64 5, i32 2
  %app.greeting.bits63 = load i64, i64* %113, align 8
  %114 = bitcast %rt_value* %v64 to i8*
  call void @llvm.lifetime.start.p0i8(i64 16, i8* nonnull %114)
  %115 = getelementptr inbounds %rt_value, %rt_value* %v64, i64 0, i32 0
  store i32 %app.greeting.tag61, i32* %115, align 8
  %116 = getelementptr inbounds %rt_value, %rt_value* %v64, i64 0, i32 1
  store i32 %app.greeting.len62, i32* %116, align 4
  %117 = getelementptr inbounds %rt_value, %rt_value* %v64, i64 0, i32 2
  store i64 %app.greeting.bits63, i64* %117, align 8
  call void @rt_tmpl_value(%rt_call* nonnull %call, %rt_value* nonnull %v64, i32 0)
  call void @llvm.lifetime.end.p0i8(i64 16, i8* nonnull %114)
  call void @rt_tmpl_text(%rt_call* nonnull %call, i8* getelementptr inbounds ([2 x i8], [2 x i8]* @.str.8, i64 0, i64 0), i32 1)
  %118 = bitcast %rt_value* %v65 to i8*
  call void @llvm.lifetime.start.p0i8(i64 16, i8* nonnull %118)
  %119 = getelementptr inbounds %rt_value, %rt_value* %v65, i64 0, i32 0
  %120 = getelementptr inbounds %rt_value, %rt_value* %v65, i64 0, i32 1
  %121 = getelementptr inbounds %rt_value, %rt_value* %v65, i64 0, i32 2
  %122 = bitcast %rt_value* %v65 to i8*
  call void @llvm.memset.p0i8.i64(i8* noundef nonnull align 8 dereferenceable(16) %122, i8 0, i64 16, i1 false)
  call void @rt_tmpl_end(%rt_call* nonnull %call, %rt_value* nonnull %v65)
  %out.tag66 = load i32, i32* %119, align 8
  %out.len67 = load i32, i32* %120, align 4
  %out.bits68 = load i64, i64* %121, align 8
  call void @llvm.lifetime.end.p0i8(i64 16, i8* nonnull %118)
  %123 = bitcast [3 x %rt_value]* %args69 to i8*
  call void @llvm.lifetime.start.p0i8(i64 48, i8* nonnull %123)
  %124 = getelementptr inbounds [3 x %rt_value], [3 x %rt_value]* %args69, i64 0, i64 0
  %125 = getelementptr inbounds [3 x %rt_value], [3 x %rt_value]* %args69, i64 0, i64 0, i32 0
  store i32 %out.tag66, i32* %125, align 8
  %126 = getelementptr inbounds [3 x %rt_value], [3 x %rt_value]* %args69, i64 0, i64 0, i32 1
  store i32 %out.len67, i32* %126, align 4
  %127 = getelementptr inbounds [3 x %rt_value], [3 x %rt_value]* %args69, i64 0, i64 0, i32 2
  store i64 %out.bits68, i64* %127, align 8
  %128 = getelementptr inbounds [3 x %rt_value], [3 x %rt_value]* %args69, i64 0, i64 1, i32 0
  %129 = bitcast i32* %128 to i8*
  call void @llvm.memset.p0i8.i64(i8* noundef nonnull align 8 dereferenceable(32) %129, i8 0, i64 32, i1 false)
  call void @rt_emit(%rt_call* nonnull %call, i32 1, %rt_value* nonnull %124, i32 3)
  call void @llvm.lifetime.end.p0i8(i64 48, i8* nonnull %123)
  store i32 25, i32* %0, align 4
  call void @rt_timer(%rt_call* nonnull %call, i32 0, i32 0)
  br label %common.ret

bye.migrate:                                      ; preds = %b6.bye.enter
  store i32 6, i32* %0, align 4
  br label %common.ret

bye.entered:                                      ; preds = %b6.bye.enter
  %130 = bitcast [1 x %rt_value]* %args78 to i8*
  call void @llvm.lifetime.start.p0i8(i64 16, i8* nonnull %130)
  %131 = getelementptr inbounds [1 x %rt_value], [1 x %rt_value]* %args78, i64 0, i64 0
  %132 = getelementptr inbounds [1 x %rt_value], [1 x %rt_value]* %args78, i64 0, i64 0, i32 0
  store i32 4, i32* %132, align 8
  %133 = getelementptr inbounds [1 x %rt_value], [1 x %rt_value]* %args78, i64 0, i64 0, i32 1
  store i32 19, i32* %133, align 4
  %134 = getelementptr inbounds [1 x %rt_value], [1 x %rt_value]* %args78, i64 0, i64 0, i32 2
  store i64 ptrtoint ([20 x i8]* @.str.9 to i64), i64* %134, align 8
  call void @rt_emit(%rt_call* nonnull %call, i32 5, %rt_value* nonnull %131, i32 1)
  call void @llvm.lifetime.end.p0i8(i64 16, i8* nonnull %130)
  call void @rt_end(%rt_call* nonnull %call, i8* getelementptr inbounds ([20 x i8], [20 x i8]* @.str.9, i64 0, i64 0))
  br label %common.ret

arith.num:                                        ; preds = %compute.entered
  %135 = bitcast i64 %ivr.balance.bits to double
  %136 = fmul double %135, 5.000000e-01
  %137 = bitcast double %136 to i64
  br label %arith.end

arith.call:                                       ; preds = %compute.entered
  %138 = getelementptr inbounds %rt_value, %rt_value* %slots12, i64 8, i32 1
  %ivr.balance.len = load i32, i32* %138, align 4
  %139 = bitcast %rt_value* %v13 to i8*
  call void @llvm.lifetime.start.p0i8(i64 16, i8* nonnull %139)
  %140 = getelementptr inbounds %rt_value, %rt_value* %v13, i64 0, i32 0
  store i32 %ivr.balance.tag, i32* %140, align 8
  %141 = getelementptr inbounds %rt_value, %rt_value* %v13, i64 0, i32 1
  store i32 %ivr.balance.len, i32* %141, align 4
  %142 = getelementptr inbounds %rt_value, %rt_value* %v13, i64 0, i32 2
  store i64 %ivr.balance.bits, i64* %142, align 8
  %143 = bitcast %rt_value* %v14 to i8*
  call void @llvm.lifetime.start.p0i8(i64 16, i8* nonnull %143)
  %144 = getelementptr inbounds %rt_value, %rt_value* %v14, i64 0, i32 0
  store i32 3, i32* %144, align 8
  %145 = getelementptr inbounds %rt_value, %rt_value* %v14, i64 0, i32 1
  store i32 0, i32* %145, align 4
  %146 = getelementptr inbounds %rt_value, %rt_value* %v14, i64 0, i32 2
  store i64 4611686018427387904, i64* %146, align 8
  %147 = bitcast %rt_value* %v15 to i8*
  call void @llvm.lifetime.start.p0i8(i64 16, i8* nonnull %147)
  %148 = getelementptr inbounds %rt_value, %rt_value* %v15, i64 0, i32 0
  %149 = getelementptr inbounds %rt_value, %rt_value* %v15, i64 0, i32 1
  %150 = getelementptr inbounds %rt_value, %rt_value* %v15, i64 0, i32 2
  %151 = bitcast %rt_value* %v15 to i8*
  call void @llvm.memset.p0i8.i64(i8* noundef nonnull align 8 dereferenceable(16) %151, i8 0, i64 16, i1 false)
  call void @rt_arith(%rt_call* nonnull %call, i32 3, %rt_value* nonnull %v13, %rt_value* nonnull %v14, %rt_value* nonnull %v15)
  %out.tag16 = load i32, i32* %148, align 8
  %out.len17 = load i32, i32* %149, align 4
  %out.bits18 = load i64, i64* %150, align 8
  call void @llvm.lifetime.end.p0i8(i64 16, i8* nonnull %147)
  call void @llvm.lifetime.end.p0i8(i64 16, i8* nonnull %143)
  call void @llvm.lifetime.end.p0i8(i64 16, i8* nonnull %139)
  br label %arith.end

arith.end:                                        ; preds = %arith.call, %arith.num
  %152 = phi i32 [ 3, %arith.num ], [ %out.tag16, %arith.call ]
  %153 = phi i32 [ 0, %arith.num ], [ %out.len17, %arith.call ]
  %154 = phi i64 [ %137, %arith.num ], [ %out.bits18, %arith.call ]
  %155 = bitcast %rt_value* %v19 to i8*
  call void @llvm.lifetime.start.p0i8(i64 16, i8* nonnull %155)
  %156 = getelementptr inbounds %rt_value, %rt_value* %v19, i64 0, i32 0
  store i32 %152, i32* %156, align 8
  %157 = getelementptr inbounds %rt_value, %rt_value* %v19, i64 0, i32 1
  store i32 %153, i32* %157, align 4
  %158 = getelementptr inbounds %rt_value, %rt_value* %v19, i64 0, i32 2
  store i64 %154, i64* %158, align 8
  call void @rt_set_slot(%rt_call* nonnull %call, i32 6, %rt_value* nonnull %v19)
  call void @llvm.lifetime.end.p0i8(i64 16, i8* nonnull %155)
  %slots20 = load %rt_value*, %rt_value** %43, align 8
  %159 = getelementptr inbounds %rt_value, %rt_value* %slots20, i64 8, i32 0
  %ivr.balance.tag22 = load i32, i32* %159, align 4
  %160 = getelementptr inbounds %rt_value, %rt_value* %slots20, i64 8, i32 2
  %ivr.balance.bits24 = load i64, i64* %160, align 8
  %161 = icmp eq i32 %ivr.balance.tag22, 3
  br i1 %161, label %neg.num, label %neg.call

neg.num:                                          ; preds = %arith.end
  %162 = bitcast i64 %ivr.balance.bits24 to double
  %163 = fsub double 0.000000e+00, %162
  %164 = bitcast double %163 to i64
  br label %neg.end

neg.call:                                         ; preds = %arith.end
  %165 = getelementptr inbounds %rt_value, %rt_value* %slots20, i64 8, i32 1
  %ivr.balance.len23 = load i32, i32* %165, align 4
  %166 = bitcast %rt_value* %v25 to i8*
  call void @llvm.lifetime.start.p0i8(i64 16, i8* nonnull %166)
  %167 = getelementptr inbounds %rt_value, %rt_value* %v25, i64 0, i32 0
  store i32 3, i32* %167, align 8
  %168 = getelementptr inbounds %rt_value, %rt_value* %v25, i64 0, i32 1
  store i32 0, i32* %168, align 4
  %169 = getelementptr inbounds %rt_value, %rt_value* %v25, i64 0, i32 2
  store i64 0, i64* %169, align 8
  %170 = bitcast %rt_value* %v26 to i8*
  call void @llvm.lifetime.start.p0i8(i64 16, i8* nonnull %170)
  %171 = getelementptr inbounds %rt_value, %rt_value* %v26, i64 0, i32 0
  store i32 %ivr.balance.tag22, i32* %171, align 8
  %172 = getelementptr inbounds %rt_value, %rt_value* %v26, i64 0, i32 1
  store i32 %ivr.balance.len23, i32* %172, align 4
  %173 = getelementptr inbounds %rt_value, %rt_value* %v26, i64 0, i32 2
  store i64 %ivr.balance.bits24, i64* %173, align 8
  %174 = bitcast %rt_value* %v27 to i8*
  call void @llvm.lifetime.start.p0i8(i64 16, i8* nonnull %174)
  %175 = getelementptr inbounds %rt_value, %rt_value* %v27, i64 0, i32 0
  %176 = getelementptr inbounds %rt_value, %rt_value* %v27, i64 0, i32 1
  %177 = getelementptr inbounds %rt_value, %rt_value* %v27, i64 0, i32 2
  %178 = bitcast %rt_value* %v27 to i8*
  call void @llvm.memset.p0i8.i64(i8* noundef nonnull align 8 dereferenceable(16) %178, i8 0, i64 16, i1 false)
  call void @rt_arith(%rt_call* nonnull %call, i32 1, %rt_value* nonnull %v25, %rt_value* nonnull %v26, %rt_value* nonnull %v27)
  %out.tag28 = load i32, i32* %175, align 8
  %out.len29 = load i32, i32* %176, align 4
  %out.bits30 = load i64, i64* %177, align 8
  call void @llvm.lifetime.end.p0i8(i64 16, i8* nonnull %174)
  call void @llvm.lifetime.end.p0i8(i64 16, i8* nonnull %170)
  call void @llvm.lifetime.end.p0i8(i64 16, i8* nonnull %166)
  br label %neg.end

neg.end:                                          ; preds = %neg.call, %neg.num
  %179 = phi i32 [ 3, %neg.num ], [ %out.tag28, %neg.call ]
  %180 = phi i32 [ 0, %neg.num ], [ %out.len29, %neg.call ]
  %181 = phi i64 [ %164, %neg.num ], [ %out.bits30, %neg.call ]
  %182 = bitcast %rt_value* %v31 to i8*
  call void @llvm.lifetime.start.p0i8(i64 16, i8* nonnull %182)
  %183 = getelementptr inbounds %rt_value, %rt_value* %v31, i64 0, i32 0
  store i32 %179, i32* %183, align 8
  %184 = getelementptr inbounds %rt_value, %rt_value* %v31, i64 0, i32 1
  store i32 %180, i32* %184, align 4
  %185 = getelementptr inbounds %rt_value, %rt_value* %v31, i64 0, i32 2
  store i64 %181, i64* %185, align 8
  %186 = bitcast %rt_value* %v32 to i8*
  call void @llvm.lifetime.start.p0i8(i64 16, i8* nonnull %186)
  %187 = getelementptr inbounds %rt_value, %rt_value* %v32, i64 0, i32 0
  store i32 3, i32* %187, align 8
  %188 = getelementptr inbounds %rt_value, %rt_value* %v32, i64 0, i32 1
  store i32 0, i32* %188, align 4
  %189 = getelementptr inbounds %rt_value, %rt_value* %v32, i64 0, i32 2
  store i64 4619567317775286272, i64* %189, align 8
  %190 = bitcast %rt_value* %v33 to i8*
  call void @llvm.lifetime.start.p0i8(i64 16, i8* nonnull %190)
  %191 = getelementptr inbounds %rt_value, %rt_value* %v33, i64 0, i32 0
  %192 = getelementptr inbounds %rt_value, %rt_value* %v33, i64 0, i32 1
  %193 = getelementptr inbounds %rt_value, %rt_value* %v33, i64 0, i32 2
  %194 = bitcast %rt_value* %v33 to i8*
  call void @llvm.memset.p0i8.i64(i8* noundef nonnull align 8 dereferenceable(16) %194, i8 0, i64 16, i1 false)
  call void @rt_arith(%rt_call* nonnull %call, i32 4, %rt_value* nonnull %v31, %rt_value* nonnull %v32, %rt_value* nonnull %v33)
  %out.tag34 = load i32, i32* %191, align 8
  %out.len35 = load i32, i32* %192, align 4
  %out.bits36 = load i64, i64* %193, align 8
  call void @llvm.lifetime.end.p0i8(i64 16, i8* nonnull %190)
  call void @llvm.lifetime.end.p0i8(i64 16, i8* nonnull %186)
  call void @llvm.lifetime.end.p0i8(i64 16, i8* nonnull %182)
  %195 = bitcast %rt_value* %v37 to i8*
  call void @llvm.lifetime.start.p0i8(i64 16, i8* nonnull %195)
  %196 = getelementptr inbounds %rt_value, %rt_value* %v37, i64 0, i32 0
  store i32 %out.tag34, i32* %196, align 8
  %197 = getelementptr inbounds %rt_value, %rt_value* %v37, i64 0, i32 1
  store i32 %out.len35, i32* %197, align 4
  %198 = getelementptr inbounds %rt_value, %rt_value* %v37, i64 0, i32 2
  store i64 %out.bits36, i64* %198, align 8
  call void @rt_set_slot(%rt_call* nonnull %call, i32 7, %rt_value* nonnull %v37)
  call void @llvm.lifetime.end.p0i8(i64 16, i8* nonnull %195)
  %slots38 = load %rt_value*, %rt_value** %43, align 8
  %199 = getelementptr inbounds %rt_value, %rt_value* %slots38, i64 1, i32 0
  %call.from.tag = load i32, i32* %199, align 4
  %200 = getelementptr inbounds %rt_value, %rt_value* %slots38, i64 1, i32 1
  %call.from.len = load i32, i32* %200, align 4
  %201 = getelementptr inbounds %rt_value, %rt_value* %slots38, i64 1, i32 2
  %call.from.bits = load i64, i64* %201, align 8
  %202 = bitcast [1 x %rt_value]* %args39 to i8*
  call void @llvm.lifetime.start.p0i8(i64 16, i8* nonnull %202)
  %203 = getelementptr inbounds [1 x %rt_value], [1 x %rt_value]* %args39, i64 0, i64 0
  %204 = getelementptr inbounds [1 x %rt_value], [1 x %rt_value]* %args39, i64 0, i64 0, i32 0
  store i32 %call.from.tag, i32* %204, align 8
  %205 = getelementptr inbounds [1 x %rt_value], [1 x %rt_value]* %args39, i64 0, i64 0, i32 1
  store i32 %call.from.len, i32* %205, align 4
  %206 = getelementptr inbounds [1 x %rt_value], [1 x %rt_value]* %args39, i64 0, i64 0, i32 2
  store i64 %call.from.bits, i64* %206, align 8
  %207 = bitcast %rt_value* %v40 to i8*
  call void @llvm.lifetime.start.p0i8(i64 16, i8* nonnull %207)
  %208 = getelementptr inbounds %rt_value, %rt_value* %v40, i64 0, i32 0
  %209 = getelementptr inbounds %rt_value, %rt_value* %v40, i64 0, i32 1
  %210 = getelementptr inbounds %rt_value, %rt_value* %v40, i64 0, i32 2
  %211 = bitcast %rt_value* %v40 to i8*
  call void @llvm.memset.p0i8.i64(i8* noundef nonnull align 8 dereferenceable(16) %211, i8 0, i64 16, i1 false)
  call void @rt_builtin(%rt_call* nonnull %call, i32 0, %rt_value* nonnull %203, i32 1, %rt_value* nonnull %v40)
  %out.tag41 = load i32, i32* %208, align 8
  %out.len42 = load i32, i32* %209, align 4
  %out.bits43 = load i64, i64* %210, align 8
  call void @llvm.lifetime.end.p0i8(i64 16, i8* nonnull %207)
  call void @llvm.lifetime.end.p0i8(i64 16, i8* nonnull %202)
  %212 = bitcast %rt_value* %v44 to i8*
  call void @llvm.lifetime.start.p0i8(i64 16, i8* nonnull %212)
  %213 = getelementptr inbounds %rt_value, %rt_value* %v44, i64 0, i32 0
  store i32 %out.tag41, i32* %213, align 8
  %214 = getelementptr inbounds %rt_value, %rt_value* %v44, i64 0, i32 1
  store i32 %out.len42, i32* %214, align 4
  %215 = getelementptr inbounds %rt_value, %rt_value* %v44, i64 0, i32 2
  store i64 %out.bits43, i64* %215, align 8
  call void @rt_set_slot(%rt_call* nonnull %call, i32 4, %rt_value* nonnull %v44)
  call void @llvm.lifetime.end.p0i8(i64 16, i8* nonnull %212)
  br label %b3.route.enter

and.end:                                          ; preds = %route.entered
  %216 = call i32 @rt_now_in(%rt_call* nonnull %call, i32 0)
  %217 = icmp ne i32 %216, 0
  %218 = zext i1 %217 to i32
  call void @rt_trace_branch(%rt_call* nonnull %call, i8* getelementptr inbounds ([21 x i8], [21 x i8]* @.str.3, i64 0, i64 0), i32 %218)
  br i1 %217, label %b4.vip.enter, label %b10.route.branch

event.kind:                                       ; preds = %b19.vip.playing
  %219 = getelementptr inbounds %rt_event, %rt_event* %event, i64 0, i32 0
  %event.kind54 = load i32, i32* %219, align 4
  switch i32 %event.kind54, label %b21.vip.playing.else [
    i32 6, label %b1.call.hangup
    i32 1, label %b6.bye.enter
  ]

event.kind71:                                     ; preds = %b25.hello.playing
  %220 = getelementptr inbounds %rt_event, %rt_event* %event70, i64 0, i32 0
  %event.kind73 = load i32, i32* %220, align 4
  switch i32 %event.kind73, label %b27.hello.playing.else [
    i32 6, label %b1.call.hangup
    i32 1, label %b6.bye.enter
  ]
}

declare void @rt_end(%rt_call*, i8*) local_unnamed_addr

declare i32 @rt_enter_module(%rt_call*, i32) local_unnamed_addr

declare void @rt_tmpl_begin(%rt_call*) local_unnamed_addr

declare void @rt_tmpl_text(%rt_call*, i8*, i32) local_unnamed_addr

; Function Attrs: argmemonly mustprogress nofree nosync nounwind willreturn
declare void @llvm.lifetime.start.p0i8(i64 immarg, i8* nocapture) #1

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

; Function Attrs: argmemonly nofree nounwind willreturn writeonly
declare void @llvm.memset.p0i8.i64(i8* nocapture writeonly, i8, i64, i1 immarg) #2

attributes #0 = { mustprogress nofree norecurse nosync nounwind readonly willreturn }
attributes #1 = { argmemonly mustprogress nofree nosync nounwind willreturn }
attributes #2 = { argmemonly nofree nounwind willreturn writeonly }

!0 = !{!"branch_weights", i32 1000, i32 1}
