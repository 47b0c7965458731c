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
    i32 19, label %b19.vip.playing
    i32 25, label %b25.hello.playing
  ]

common.ret:                                       ; preds = %invalid_resume, %b6.bye.enter, %b27.hello.playing.else, %b13.route.exit.when, %b21.vip.playing.else, %b11.route.exit.when, %b1.call.hangup
  %common.ret.op = phi i32 [ 2, %b1.call.hangup ], [ 0, %b11.route.exit.when ], [ 0, %b21.vip.playing.else ], [ 0, %b13.route.exit.when ], [ 0, %b27.hello.playing.else ], [ 2, %b6.bye.enter ], [ 2, %invalid_resume ]
  ret i32 %common.ret.op

b1.call.hangup:                                   ; preds = %event.kind71, %event.kind
  tail call void @rt_end(%rt_call* nonnull %call, i8* getelementptr inbounds ([15 x i8], [15 x i8]* @.str.1, i64 0, i64 0))
  br label %common.ret

b2.compute.enter:                                 ; preds = %entry
  tail call void @rt_enter_module(%rt_call* nonnull %call, i32 0)
  tail call void @rt_tmpl_begin(%rt_call* nonnull %call)
  tail call void @rt_tmpl_text(%rt_call* nonnull %call, i8* getelementptr inbounds ([4 x i8], [4 x i8]* @.str.2, i64 0, i64 0), i32 3)
  %1 = getelementptr inbounds %rt_call, %rt_call* %call, i64 0, i32 0
  %slots = load %rt_value*, %rt_value** %1, align 8
  %2 = getelementptr inbounds %rt_value, %rt_value* %slots, i64 9, i32 0
  %ivr.name.tag = load i32, i32* %2, align 4
  %3 = getelementptr inbounds %rt_value, %rt_value* %slots, i64 9, i32 1
  %ivr.name.len = load i32, i32* %3, align 4
  %4 = getelementptr inbounds %rt_value, %rt_value* %slots, i64 9, i32 2
  %ivr.name.bits = load i64, i64* %4, align 8
  %5 = bitcast [1 x %rt_value]* %args to i8*
  call void @llvm.lifetime.start.p0i8(i64 16, i8* nonnull %5)
  %6 = getelementptr inbounds [1 x %rt_value], [1 x %rt_value]* %args, i64 0, i64 0
  %7 = getelementptr inbounds [1 x %rt_value], [1 x %rt_value]* %args, i64 0, i64 0, i32 0
  store i32 %ivr.name.tag, i32* %7, align 8
  %8 = getelementptr inbounds [1 x %rt_value], [1 x %rt_value]* %args, i64 0, i64 0, i32 1
  store i32 %ivr.name.len, i32* %8, align 4
  %9 = getelementptr inbounds [1 x %rt_value], [1 x %rt_value]* %args, i64 0, i64 0, i32 2
  store i64 %ivr.name.bits, i64* %9, align 8
  %10 = bitcast %rt_value* %v to i8*
  call void @llvm.lifetime.start.p0i8(i64 16, i8* nonnull %10)
  %11 = getelementptr inbounds %rt_value, %rt_value* %v, i64 0, i32 0
  %12 = getelementptr inbounds %rt_value, %rt_value* %v, i64 0, i32 1
  %13 = getelementptr inbounds %rt_value, %rt_value* %v, i64 0, i32 2
  %14 = bitcast %rt_value* %v to i8*
  call void @llvm.memset.p0i8.i64(i8* noundef nonnull align 8 dereferenceable(16) %14, i8 0, i64 16, i1 false)
  call void @rt_builtin(%rt_call* nonnull %call, i32 8, %rt_value* nonnull %6, i32 1, %rt_value* nonnull %v)
  %out.tag = load i32, i32* %11, align 8
  %out.len = load i32, i32* %12, align 4
  %out.bits = load i64, i64* %13, align 8
  call void @llvm.lifetime.end.p0i8(i64 16, i8* nonnull %10)
  call void @llvm.lifetime.end.p0i8(i64 16, i8* nonnull %5)
  %15 = bitcast [1 x %rt_value]* %args1 to i8*
  call void @llvm.lifetime.start.p0i8(i64 16, i8* nonnull %15)
  %16 = getelementptr inbounds [1 x %rt_value], [1 x %rt_value]* %args1, i64 0, i64 0
  %17 = getelementptr inbounds [1 x %rt_value], [1 x %rt_value]* %args1, i64 0, i64 0, i32 0
  store i32 %out.tag, i32* %17, align 8
  %18 = getelementptr inbounds [1 x %rt_value], [1 x %rt_value]* %args1, i64 0, i64 0, i32 1
  store i32 %out.len, i32* %18, align 4
  %19 = getelementptr inbounds [1 x %rt_value], [1 x %rt_value]* %args1, i64 0, i64 0, i32 2
  store i64 %out.bits, i64* %19, align 8
  %20 = bitcast %rt_value* %v2 to i8*
  call void @llvm.lifetime.start.p0i8(i64 16, i8* nonnull %20)
  %21 = getelementptr inbounds %rt_value, %rt_value* %v2, i64 0, i32 0
  %22 = getelementptr inbounds %rt_value, %rt_value* %v2, i64 0, i32 1
  %23 = getelementptr inbounds %rt_value, %rt_value* %v2, i64 0, i32 2
  %24 = bitcast %rt_value* %v2 to i8*
  call void @llvm.memset.p0i8.i64(i8* noundef nonnull align 8 dereferenceable(16) %24, i8 0, i64 16, i1 false)
  call void @rt_builtin(%rt_call* nonnull %call, i32 7, %rt_value* nonnull %16, i32 1, %rt_value* nonnull %v2)
  %out.tag3 = load i32, i32* %21, align 8
  %out.len4 = load i32, i32* %22, align 4
  %out.bits5 = load i64, i64* %23, align 8
  call void @llvm.lifetime.end.p0i8(i64 16, i8* nonnull %20)
  call void @llvm.lifetime.end.p0i8(i64 16, i8* nonnull %15)
  %25 = bitcast %rt_value* %v6 to i8*
  call void @llvm.lifetime.start.p0i8(i64 16, i8* nonnull %25)
  %26 = getelementptr inbounds %rt_value, %rt_value* %v6, i64 0, i32 0
  store i32 %out.tag3, i32* %26, align 8
  %27 = getelementptr inbounds %rt_value, %rt_value* %v6, i64 0, i32 1
  store i32 %out.len4, i32* %27, align 4
  %28 = getelementptr inbounds %rt_value, %rt_value* %v6, i64 0, i32 2
  store i64 %out.bits5, i64* %28, align 8
  call void @rt_tmpl_value(%rt_call* nonnull %call, %rt_value* nonnull %v6, i32 0)
  call void @llvm.lifetime.end.p0i8(i64 16, i8* nonnull %25)
  %29 = bitcast %rt_value* %v7 to i8*
  call void @llvm.lifetime.start.p0i8(i64 16, i8* nonnull %29)
  %30 = getelementptr inbounds %rt_value, %rt_value* %v7, i64 0, i32 0
  %31 = getelementptr inbounds %rt_value, %rt_value* %v7, i64 0, i32 1
  %32 = getelementptr inbounds %rt_value, %rt_value* %v7, i64 0, i32 2
  %33 = bitcast %rt_value* %v7 to i8*
  call void @llvm.memset.p0i8.i64(i8* noundef nonnull align 8 dereferenceable(16) %33, i8 0, i64 16, i1 false)
  call void @rt_tmpl_end(%rt_call* nonnull %call, %rt_value* nonnull %v7)
  %out.tag8 = load i32, i32* %30, align 8
  %out.len9 = load i32, i32* %31, align 4
  %out.bits10 = load i64, i64* %32, align 8
  call void @llvm.lifetime.end.p0i8(i64 16, i8* nonnull %29)
  %34 = bitcast %rt_value* %v11 to i8*
  call void @llvm.lifetime.start.p0i8(i64 16, i8* nonnull %34)
  %35 = getelementptr inbounds %rt_value, %rt_value* %v11, i64 0, i32 0
  store i32 %out.tag8, i32* %35, align 8
  %36 = getelementptr inbounds %rt_value, %rt_value* %v11, i64 0, i32 1
  store i32 %out.len9, i32* %36, align 4
  %37 = getelementptr inbounds %rt_value, %rt_value* %v11, i64 0, i32 2
  store i64 %out.bits10, i64* %37, align 8
  call void @rt_set_slot(%rt_call* nonnull %call, i32 5, %rt_value* nonnull %v11)
  call void @llvm.lifetime.end.p0i8(i64 16, i8* nonnull %34)
  %slots12 = load %rt_value*, %rt_value** %1, align 8
  %38 = getelementptr inbounds %rt_value, %rt_value* %slots12, i64 8, i32 0
  %ivr.balance.tag = load i32, i32* %38, align 4
  %39 = getelementptr inbounds %rt_value, %rt_value* %slots12, i64 8, i32 2
  %ivr.balance.bits = load i64, i64* %39, align 8
  %40 = icmp eq i32 %ivr.balance.tag, 3
  br i1 %40, label %arith.num, label %arith.call

b6.bye.enter:                                     ; preds = %event.kind71, %event.kind, %b12.route.branch
  call void @rt_enter_module(%rt_call* nonnull %call, i32 4)
  %41 = bitcast [1 x %rt_value]* %args78 to i8*
  call void @llvm.lifetime.start.p0i8(i64 16, i8* nonnull %41)
  %42 = getelementptr inbounds [1 x %rt_value], [1 x %rt_value]* %args78, i64 0, i64 0
  %43 = getelementptr inbounds [1 x %rt_value], [1 x %rt_value]* %args78, i64 0, i64 0, i32 0
  store i32 4, i32* %43, align 8
  %44 = getelementptr inbounds [1 x %rt_value], [1 x %rt_value]* %args78, i64 0, i64 0, i32 1
  store i32 19, i32* %44, align 4
  %45 = getelementptr inbounds [1 x %rt_value], [1 x %rt_value]* %args78, i64 0, i64 0, i32 2
  store i64 ptrtoint ([20 x i8]* @.str.9 to i64), i64* %45, align 8
  call void @rt_emit(%rt_call* nonnull %call, i32 5, %rt_value* nonnull %42, i32 1)
  call void @llvm.lifetime.end.p0i8(i64 16, i8* nonnull %41)
  call void @rt_end(%rt_call* nonnull %call, i8* getelementptr inbounds ([20 x i8], [20 x i8]* @.str.9, i64 0, i64 0))
  br label %common.ret

b10.route.branch:                                 ; preds = %and.end.thread, %and.end
  %slots.i = load %rt_value*, %rt_value** %1, align 8
  %46 = getelementptr inbounds %rt_value, %rt_value* %slots.i, i64 9, i32 0
  %ivr.name.tag.i = load i32, i32* %46, align 4
  %47 = icmp ugt i32 %ivr.name.tag.i, 1
  br i1 %47, label %and.rhs.i, label %trigger_1.exit.thread

and.rhs.i:                                        ; preds = %b10.route.branch
  %48 = getelementptr inbounds %rt_value, %rt_value* %slots.i, i64 9, i32 2
  %49 = getelementptr inbounds %rt_value, %rt_value* %slots.i, i64 9, i32 1
  %ivr.name.len4.i = load i32, i32* %49, align 4
  %ivr.name.bits5.i = load i64, i64* %48, align 8
  %50 = icmp eq i32 %ivr.name.len4.i, 0
  %51 = icmp eq i32 %ivr.name.tag.i, 4
  %52 = and i1 %51, %50
  br i1 %52, label %trigger_1.exit.thread, label %in.next.i

in.next.i:                                        ; preds = %and.rhs.i
  %53 = icmp eq i32 %ivr.name.len4.i, 7
  %54 = and i1 %51, %53
  br i1 %54, label %trigger_1.exit, label %trigger_1.exit.thread81

trigger_1.exit.thread81:                          ; preds = %in.next.i
  call void @rt_trace_branch(%rt_call* nonnull %call, i8* getelementptr inbounds ([11 x i8], [11 x i8]* @.str.4, i64 0, i64 0), i32 1)
  br label %b13.route.exit.when

trigger_1.exit.thread:                            ; preds = %b10.route.branch, %and.rhs.i
  call void @rt_trace_branch(%rt_call* nonnull %call, i8* getelementptr inbounds ([11 x i8], [11 x i8]* @.str.4, i64 0, i64 0), i32 0)
  br label %b12.route.branch

trigger_1.exit:                                   ; preds = %in.next.i
  %str.i = inttoptr i64 %ivr.name.bits5.i to i8*
  %55 = inttoptr i64 %ivr.name.bits5.i to i32*
  %56 = load i32, i32* %55, align 1
  %57 = icmp eq i32 %56, 1852534389
  %58 = getelementptr inbounds i8, i8* %str.i, i64 4
  %59 = bitcast i8* %58 to i16*
  %60 = load i16, i16* %59, align 1
  %61 = icmp eq i16 %60, 30575
  %62 = and i1 %57, %61
  %63 = getelementptr inbounds i8, i8* %str.i, i64 6
  %64 = load i8, i8* %63, align 1
  %65 = icmp eq i8 %64, 110
  %66 = and i1 %62, %65
  %phi.bo.i = xor i1 %66, true
  %67 = zext i1 %phi.bo.i to i32
  call void @rt_trace_branch(%rt_call* nonnull %call, i8* getelementptr inbounds ([11 x i8], [11 x i8]* @.str.4, i64 0, i64 0), i32 %67)
  br i1 %66, label %b12.route.branch, label %b13.route.exit.when

b11.route.exit.when:                              ; preds = %and.end
  call void @rt_enter_module(%rt_call* nonnull %call, i32 2)
  call void @rt_tmpl_begin(%rt_call* nonnull %call)
  %slots45 = load %rt_value*, %rt_value** %1, align 8
  %68 = getelementptr inbounds %rt_value, %rt_value* %slots45, i64 5, i32 0
  %app.greeting.tag = load i32, i32* %68, align 4
  %69 = getelementptr inbounds %rt_value, %rt_value* %slots45, i64 5, i32 1
  %app.greeting.len = load i32, i32* %69, align 4
  %70 = getelementptr inbounds %rt_value, %rt_value* %slots45, i64 5, i32 2
  %app.greeting.bits = load i64, i64* %70, align 8
  %71 = bitcast %rt_value* %v46 to i8*
  call void @llvm.lifetime.start.p0i8(i64 16, i8* nonnull %71)
  %72 = getelementptr inbounds %rt_value, %rt_value* %v46, i64 0, i32 0
  store i32 %app.greeting.tag, i32* %72, align 8
  %73 = getelementptr inbounds %rt_value, %rt_value* %v46, i64 0, i32 1
  store i32 %app.greeting.len, i32* %73, align 4
  %74 = getelementptr inbounds %rt_value, %rt_value* %v46, i64 0, i32 2
  store i64 %app.greeting.bits, i64* %74, align 8
  call void @rt_tmpl_value(%rt_call* nonnull %call, %rt_value* nonnull %v46, i32 0)
  call void @llvm.lifetime.end.p0i8(i64 16, i8* nonnull %71)
  call void @rt_tmpl_text(%rt_call* nonnull %call, i8* getelementptr inbounds ([12 x i8], [12 x i8]* @.str.6, i64 0, i64 0), i32 11)
  %slots47 = load %rt_value*, %rt_value** %1, align 8
  %75 = getelementptr inbounds %rt_value, %rt_value* %slots47, i64 6, i32 0
  %app.half.tag = load i32, i32* %75, align 4
  %76 = getelementptr inbounds %rt_value, %rt_value* %slots47, i64 6, i32 1
  %app.half.len = load i32, i32* %76, align 4
  %77 = getelementptr inbounds %rt_value, %rt_value* %slots47, i64 6, i32 2
  %app.half.bits = load i64, i64* %77, align 8
  %78 = bitcast %rt_value* %v48 to i8*
  call void @llvm.lifetime.start.p0i8(i64 16, i8* nonnull %78)
  %79 = getelementptr inbounds %rt_value, %rt_value* %v48, i64 0, i32 0
  store i32 %app.half.tag, i32* %79, align 8
  %80 = getelementptr inbounds %rt_value, %rt_value* %v48, i64 0, i32 1
  store i32 %app.half.len, i32* %80, align 4
  %81 = getelementptr inbounds %rt_value, %rt_value* %v48, i64 0, i32 2
  store i64 %app.half.bits, i64* %81, align 8
  call void @rt_tmpl_value(%rt_call* nonnull %call, %rt_value* nonnull %v48, i32 0)
  call void @llvm.lifetime.end.p0i8(i64 16, i8* nonnull %78)
  call void @rt_tmpl_text(%rt_call* nonnull %call, i8* getelementptr inbounds ([8 x i8], [8 x i8]* @.str.7, i64 0, i64 0), i32 7)
  %82 = bitcast %rt_value* %v49 to i8*
  call void @llvm.lifetime.start.p0i8(i64 16, i8* nonnull %82)
  %83 = getelementptr inbounds %rt_value, %rt_value* %v49, i64 0, i32 0
  %84 = getelementptr inbounds %rt_value, %rt_value* %v49, i64 0, i32 1
  %85 = getelementptr inbounds %rt_value, %rt_value* %v49, i64 0, i32 2
  %86 = bitcast %rt_value* %v49 to i8*
  call void @llvm.memset.p0i8.i64(i8* noundef nonnull align 8 dereferenceable(16) %86, i8 0, i64 16, i1 false)
  call void @rt_tmpl_end(%rt_call* nonnull %call, %rt_value* nonnull %v49)
  %out.tag50 = load i32, i32* %83, align 8
  %out.len51 = load i32, i32* %84, align 4
  %out.bits52 = load i64, i64* %85, align 8
  call void @llvm.lifetime.end.p0i8(i64 16, i8* nonnull %82)
  %87 = bitcast [3 x %rt_value]* %args53 to i8*
  call void @llvm.lifetime.start.p0i8(i64 48, i8* nonnull %87)
  %88 = getelementptr inbounds [3 x %rt_value], [3 x %rt_value]* %args53, i64 0, i64 0
  %89 = getelementptr inbounds [3 x %rt_value], [3 x %rt_value]* %args53, i64 0, i64 0, i32 0
  store i32 %out.tag50, i32* %89, align 8
  %90 = getelementptr inbounds [3 x %rt_value], [3 x %rt_value]* %args53, i64 0, i64 0, i32 1
  store i32 %out.len51, i32* %90, align 4
  %91 = getelementptr inbounds [3 x %rt_value], [3 x %rt_value]* %args53, i64 0, i64 0, i32 2
  store i64 %out.bits52, i64* %91, align 8
  %92 = getelementptr inbounds [3 x %rt_value], [3 x %rt_value]* %args53, i64 0, i64 1, i32 0
  %93 = bitcast i32* %92 to i8*
  call void @llvm.memset.p0i8.i64(i8* noundef nonnull align 8 dereferenceable(32) %93, i8 0, i64 32, i1 false)
  call void @rt_emit(%rt_call* nonnull %call, i32 1, %rt_value* nonnull %88, i32 3)
  call void @llvm.lifetime.end.p0i8(i64 48, i8* nonnull %87)
  store i32 19, i32* %0, align 4
  call void @rt_timer(%rt_call* nonnull %call, i32 0, i32 0)
  br label %common.ret

b12.route.branch:                                 ; preds = %trigger_1.exit.thread, %trigger_1.exit
  %slots.i79 = load %rt_value*, %rt_value** %1, align 8
  %94 = getelementptr inbounds %rt_value, %rt_value* %slots.i79, i64 9, i32 0
  %ivr.name.tag.i80 = load i32, i32* %94, align 4
  %95 = getelementptr inbounds %rt_value, %rt_value* %slots.i79, i64 9, i32 1
  %ivr.name.len.i = load i32, i32* %95, align 4
  %96 = getelementptr inbounds %rt_value, %rt_value* %slots.i79, i64 9, i32 2
  %ivr.name.bits.i = load i64, i64* %96, align 8
  %97 = bitcast %rt_value* %v.i to i8*
  call void @llvm.lifetime.start.p0i8(i64 16, i8* nonnull %97)
  %98 = getelementptr inbounds %rt_value, %rt_value* %v.i, i64 0, i32 0
  store i32 %ivr.name.tag.i80, i32* %98, align 8
  %99 = getelementptr inbounds %rt_value, %rt_value* %v.i, i64 0, i32 1
  store i32 %ivr.name.len.i, i32* %99, align 4
  %100 = getelementptr inbounds %rt_value, %rt_value* %v.i, i64 0, i32 2
  store i64 %ivr.name.bits.i, i64* %100, align 8
  %101 = call i32 @rt_matches(%rt_call* nonnull %call, i32 0, %rt_value* nonnull %v.i)
  call void @llvm.lifetime.end.p0i8(i64 16, i8* nonnull %97)
  %102 = icmp ne i32 %101, 0
  %103 = zext i1 %102 to i32
  call void @rt_trace_branch(%rt_call* nonnull %call, i8* getelementptr inbounds ([13 x i8], [13 x i8]* @.str.5, i64 0, i64 0), i32 %103)
  br label %b6.bye.enter

b13.route.exit.when:                              ; preds = %trigger_1.exit.thread81, %trigger_1.exit
  call void @rt_enter_module(%rt_call* nonnull %call, i32 3)
  call void @rt_tmpl_begin(%rt_call* nonnull %call)
  %slots59 = load %rt_value*, %rt_value** %1, align 8
  %104 = getelementptr inbounds %rt_value, %rt_value* %slots59, i64 5, i32 0
  %app.greeting.tag61 = load i32, i32* %104, align 4
  %105 = getelementptr inbounds %rt_value, %rt_value* %slots59, i64 5, i32 1
  %app.greeting.len62 = load i32, i32* %105, align 4
  %106 = getelementptr inbounds %rt_value, %rt_value* %slots59, i64 5, i32 2
  %app.greeting.bits63 = load i64, i64* %106, align 8
  %107 = bitcast %rt_value* %v64 to i8*
  call void @llvm.lifetime.start.p0i8(i64 16, i8* nonnull %107)
  %108 = getelementptr inbounds %rt_value, %rt_value* %v64, i64 0, i32 0
  store i32 %app.greeting.tag61, i32* %108, align 8
  %109 = getelementptr inbounds %rt_value, %rt_value* %v64, i64 0, i32 1
  store i32 %app.greeting.len62, i32* %109, align 4
  %110 = getelementptr inbounds %rt_value, %rt_value* %v64, i64 0, i32 2
  store i64 %app.greeting.bits63, i64* %110, align 8
  call void @rt_tmpl_value(%rt_call* nonnull %call, %rt_value* nonnull %v64, i32 0)
  call void @llvm.lifetime.end.p0i8(i64 16, i8* nonnull %107)
  call void @rt_tmpl_text(%rt_call* nonnull %call, i8* getelementptr inbounds ([2 x i8], [2 x i8]* @.str.8, i64 0, i64 0), i32 1)
  %111 = bitcast %rt_value* %v65 to i8*
  call void @llvm.lifetime.start.p0i8(i64 16, i8* nonnull %111)
  %112 = getelementptr inbounds %rt_value, %rt_value* %v65, i64 0, i32 0
  %113 = getelementptr inbounds %rt_value, %rt_value* %v65, i64 0, i32 1
  %114 = getelementptr inbounds %rt_value, %rt_value* %v65, i64 0, i32 2
  %115 = bitcast %rt_value* %v65 to i8*
  call void @llvm.memset.p0i8.i64(i8* noundef nonnull align 8 dereferenceable(16) %115, i8 0, i64 16, i1 false)
  call void @rt_tmpl_end(%rt_call* nonnull %call, %rt_value* nonnull %v65)
  %out.tag66 = load i32, i32* %112, align 8
  %out.len67 = load i32, i32* %113, align 4
  %out.bits68 = load i64, i64* %114, align 8
  call void @llvm.lifetime.end.p0i8(i64 16, i8* nonnull %111)
  %116 = bitcast [3 x %rt_value]* %args69 to i8*
  call void @llvm.lifetime.start.p0i8(i64 48, i8* nonnull %116)
  %117 = getelementptr inbounds [3 x %rt_value], [3 x %rt_value]* %args69, i64 0, i64 0
  %118 = getelementptr inbounds [3 x %rt_value], [3 x %rt_value]* %args69, i64 0, i64 0, i32 0
  store i32 %out.tag66, i32* %118, align 8
  %119 = getelementptr inbounds [3 x %rt_value], [3 x %rt_value]* %args69, i64 0, i64 0, i32 1
  store i32 %out.len67, i32* %119, align 4
  %120 = getelementptr inbounds [3 x %rt_value], [3 x %rt_value]* %args69, i64 0, i64 0, i32 2
  store i64 %out.bits68, i64* %120, align 8
  %121 = getelementptr inbounds [3 x %rt_value], [3 x %rt_value]* %args69, i64 0, i64 1, i32 0
  %122 = bitcast i32* %121 to i8*
  call void @llvm.memset.p0i8.i64(i8* noundef nonnull align 8 dereferenceable(32) %122, i8 0, i64 32, i1 false)
  call void @rt_emit(%rt_call* nonnull %call, i32 1, %rt_value* nonnull %117, i32 3)
  call void @llvm.lifetime.end.p0i8(i64 48, i8* nonnull %116)
  store i32 25, i32* %0, align 4
  call void @rt_timer(%rt_call* nonnull %call, i32 0, i32 0)
  br label %common.ret

b19.vip.playing:                                  ; preds = %entry
  %123 = getelementptr inbounds %rt_call, %rt_call* %call, i64 0, i32 2
  %event = load %rt_event*, %rt_event** %123, align 8
  %124 = icmp eq %rt_event* %event, null
  br i1 %124, label %b21.vip.playing.else, label %event.kind

b21.vip.playing.else:                             ; preds = %event.kind, %b19.vip.playing
  store i32 19, i32* %0, align 4
  br label %common.ret

b25.hello.playing:                                ; preds = %entry
  %125 = getelementptr inbounds %rt_call, %rt_call* %call, i64 0, i32 2
  %event70 = load %rt_event*, %rt_event** %125, align 8
  %126 = icmp eq %rt_event* %event70, null
  br i1 %126, label %b27.hello.playing.else, label %event.kind71

b27.hello.playing.else:                           ; preds = %event.kind71, %b25.hello.playing
  store i32 25, i32* %0, align 4
  br label %common.ret

invalid_resume:                                   ; preds = %entry
  tail call void @rt_end(%rt_call* nonnull %call, i8* getelementptr inbounds ([21 x i8], [21 x i8]* @.str, i64 0, i64 0))
  br label %common.ret

arith.num:                                        ; preds = %b2.compute.enter
  %127 = bitcast i64 %ivr.balance.bits to double
  %128 = fmul double %127, 5.000000e-01
  %129 = bitcast double %128 to i64
  br label %arith.end

arith.call:                                       ; preds = %b2.compute.enter
  %130 = getelementptr inbounds %rt_value, %rt_value* %slots12, i64 8, i32 1
  %ivr.balance.len = load i32, i32* %130, align 4
  %131 = bitcast %rt_value* %v13 to i8*
  call void @llvm.lifetime.start.p0i8(i64 16, i8* nonnull %131)
  %132 = getelementptr inbounds %rt_value, %rt_value* %v13, i64 0, i32 0
  store i32 %ivr.balance.tag, i32* %132, align 8
  %133 = getelementptr inbounds %rt_value, %rt_value* %v13, i64 0, i32 1
  store i32 %ivr.balance.len, i32* %133, align 4
  %134 = getelementptr inbounds %rt_value, %rt_value* %v13, i64 0, i32 2
  store i64 %ivr.balance.bits, i64* %134, align 8
  %135 = bitcast %rt_value* %v14 to i8*
  call void @llvm.lifetime.start.p0i8(i64 16, i8* nonnull %135)
  %136 = getelementptr inbounds %rt_value, %rt_value* %v14, i64 0, i32 0
  store i32 3, i32* %136, align 8
  %137 = getelementptr inbounds %rt_value, %rt_value* %v14, i64 0, i32 1
  store i32 0, i32* %137, align 4
  %138 = getelementptr inbounds %rt_value, %rt_value* %v14, i64 0, i32 2
  store i64 4611686018427387904, i64* %138, align 8
  %139 = bitcast %rt_value* %v15 to i8*
  call void @llvm.lifetime.start.p0i8(i64 16, i8* nonnull %139)
  %140 = getelementptr inbounds %rt_value, %rt_value* %v15, i64 0, i32 0
  %141 = getelementptr inbounds %rt_value, %rt_value* %v15, i64 0, i32 1
  %142 = getelementptr inbounds %rt_value, %rt_value* %v15, i64 0, i32 2
  %143 = bitcast %rt_value* %v15 to i8*
  call void @llvm.memset.p0i8.i64(i8* noundef nonnull align 8 dereferenceable(16) %143, i8 0, i64 16, i1 false)
  call void @rt_arith(%rt_call* nonnull %call, i32 3, %rt_value* nonnull %v13, %rt_value* nonnull %v14, %rt_value* nonnull %v15)
  %out.tag16 = load i32, i32* %140, align 8
  %out.len17 = load i32, i32* %141, align 4
  %out.bits18 = load i64, i64* %142, align 8
  call void @llvm.lifetime.end.p0i8(i64 16, i8* nonnull %139)
  call void @llvm.lifetime.end.p0i8(i64 16, i8* nonnull %135)
  call void @llvm.lifetime.end.p0i8(i64 16, i8* nonnull %131)
  br label %arith.end

arith.end:                                        ; preds = %arith.call, %arith.num
  %144 = phi i32 [ 3, %arith.num ], [ %out.tag16, %arith.call ]
  %145 = phi i32 [ 0, %arith.num ], [ %out.len17, %arith.call ]
  %146 = phi i64 [ %129, %arith.num ], [ %out.bits18, %arith.call ]
  %147 = bitcast %rt_value* %v19 to i8*
  call void @llvm.lifetime.start.p0i8(i64 16, i8* nonnull %147)
  %148 = getelementptr inbounds %rt_value, %rt_value* %v19, i64 0, i32 0
  store i32 %144, i32* %148, align 8
  %149 = getelementptr inbounds %rt_value, %rt_value* %v19, i64 0, i32 1
  store i32 %145, i32* %149, align 4
  %150 = getelementptr inbounds %rt_value, %rt_value* %v19, i64 0, i32 2
  store i64 %146, i64* %150, align 8
  call void @rt_set_slot(%rt_call* nonnull %call, i32 6, %rt_value* nonnull %v19)
  call void @llvm.lifetime.end.p0i8(i64 16, i8* nonnull %147)
  %slots20 = load %rt_value*, %rt_value** %1, align 8
  %151 = getelementptr inbounds %rt_value, %rt_value* %slots20, i64 8, i32 0
  %ivr.balance.tag22 = load i32, i32* %151, align 4
  %152 = getelementptr inbounds %rt_value, %rt_value* %slots20, i64 8, i32 2
  %ivr.balance.bits24 = load i64, i64* %152, align 8
  %153 = icmp eq i32 %ivr.balance.tag22, 3
  br i1 %153, label %neg.num, label %neg.call

neg.num:                                          ; preds = %arith.end
  %154 = bitcast i64 %ivr.balance.bits24 to double
  %155 = fsub double 0.000000e+00, %154
  %156 = bitcast double %155 to i64
  br label %neg.end

neg.call:                                         ; preds = %arith.end
  %157 = getelementptr inbounds %rt_value, %rt_value* %slots20, i64 8, i32 1
  %ivr.balance.len23 = load i32, i32* %157, align 4
  %158 = bitcast %rt_value* %v25 to i8*
  call void @llvm.lifetime.start.p0i8(i64 16, i8* nonnull %158)
  %159 = getelementptr inbounds %rt_value, %rt_value* %v25, i64 0, i32 0
  store i32 3, i32* %159, align 8
  %160 = getelementptr inbounds %rt_value, %rt_value* %v25, i64 0, i32 1
  store i32 0, i32* %160, align 4
  %161 = getelementptr inbounds %rt_value, %rt_value* %v25, i64 0, i32 2
  store i64 0, i64* %161, align 8
  %162 = bitcast %rt_value* %v26 to i8*
  call void @llvm.lifetime.start.p0i8(i64 16, i8* nonnull %162)
  %163 = getelementptr inbounds %rt_value, %rt_value* %v26, i64 0, i32 0
  store i32 %ivr.balance.tag22, i32* %163, align 8
  %164 = getelementptr inbounds %rt_value, %rt_value* %v26, i64 0, i32 1
  store i32 %ivr.balance.len23, i32* %164, align 4
  %165 = getelementptr inbounds %rt_value, %rt_value* %v26, i64 0, i32 2
  store i64 %ivr.balance.bits24, i64* %165, align 8
  %166 = bitcast %rt_value* %v27 to i8*
  call void @llvm.lifetime.start.p0i8(i64 16, i8* nonnull %166)
  %167 = getelementptr inbounds %rt_value, %rt_value* %v27, i64 0, i32 0
  %168 = getelementptr inbounds %rt_value, %rt_value* %v27, i64 0, i32 1
  %169 = getelementptr inbounds %rt_value, %rt_value* %v27, i64 0, i32 2
  %170 = bitcast %rt_value* %v27 to i8*
  call void @llvm.memset.p0i8.i64(i8* noundef nonnull align 8 dereferenceable(16) %170, i8 0, i64 16, i1 false)
  call void @rt_arith(%rt_call* nonnull %call, i32 1, %rt_value* nonnull %v25, %rt_value* nonnull %v26, %rt_value* nonnull %v27)
  %out.tag28 = load i32, i32* %167, align 8
  %out.len29 = load i32, i32* %168, align 4
  %out.bits30 = load i64, i64* %169, align 8
  call void @llvm.lifetime.end.p0i8(i64 16, i8* nonnull %166)
  call void @llvm.lifetime.end.p0i8(i64 16, i8* nonnull %162)
  call void @llvm.lifetime.end.p0i8(i64 16, i8* nonnull %158)
  br label %neg.end

neg.end:                                          ; preds = %neg.call, %neg.num
  %171 = phi i32 [ 3, %neg.num ], [ %out.tag28, %neg.call ]
  %172 = phi i32 [ 0, %neg.num ], [ %out.len29, %neg.call ]
  %173 = phi i64 [ %156, %neg.num ], [ %out.bits30, %neg.call ]
  %174 = bitcast %rt_value* %v31 to i8*
  call void @llvm.lifetime.start.p0i8(i64 16, i8* nonnull %174)
  %175 = getelementptr inbounds %rt_value, %rt_value* %v31, i64 0, i32 0
  store i32 %171, i32* %175, align 8
  %176 = getelementptr inbounds %rt_value, %rt_value* %v31, i64 0, i32 1
  store i32 %172, i32* %176, align 4
  %177 = getelementptr inbounds %rt_value, %rt_value* %v31, i64 0, i32 2
  store i64 %173, i64* %177, align 8
  %178 = bitcast %rt_value* %v32 to i8*
  call void @llvm.lifetime.start.p0i8(i64 16, i8* nonnull %178)
  %179 = getelementptr inbounds %rt_value, %rt_value* %v32, i64 0, i32 0
  store i32 3, i32* %179, align 8
  %180 = getelementptr inbounds %rt_value, %rt_value* %v32, i64 0, i32 1
  store i32 0, i32* %180, align 4
  %181 = getelementptr inbounds %rt_value, %rt_value* %v32, i64 0, i32 2
  store i64 4619567317775286272, i64* %181, align 8
  %182 = bitcast %rt_value* %v33 to i8*
  call void @llvm.lifetime.start.p0i8(i64 16, i8* nonnull %182)
  %183 = getelementptr inbounds %rt_value, %rt_value* %v33, i64 0, i32 0
  %184 = getelementptr inbounds %rt_value, %rt_value* %v33, i64 0, i32 1
  %185 = getelementptr inbounds %rt_value, %rt_value* %v33, i64 0, i32 2
  %186 = bitcast %rt_value* %v33 to i8*
  call void @llvm.memset.p0i8.i64(i8* noundef nonnull align 8 dereferenceable(16) %186, i8 0, i64 16, i1 false)
  call void @rt_arith(%rt_call* nonnull %call, i32 4, %rt_value* nonnull %v31, %rt_value* nonnull %v32, %rt_value* nonnull %v33)
  %out.tag34 = load i32, i32* %183, align 8
  %out.len35 = load i32, i32* %184, align 4
  %out.bits36 = load i64, i64* %185, align 8
  call void @llvm.lifetime.end.p0i8(i64 16, i8* nonnull %182)
  call void @llvm.lifetime.end.p0i8(i64 16, i8* nonnull %178)
  call void @llvm.lifetime.end.p0i8(i64 16, i8* nonnull %174)
  %187 = bitcast %rt_value* %v37 to i8*
  call void @llvm.lifetime.start.p0i8(i64 16, i8* nonnull %187)
  %188 = getelementptr inbounds %rt_value, %rt_value* %v37, i64 0, i32 0
  store i32 %out.tag34, i32* %188, align 8
  %189 = getelementptr inbounds %rt_value, %rt_value* %v37, i64 0, i32 1
  store i32 %out.len35, i32* %189, align 4
  %190 = getelementptr inbounds %rt_value, %rt_value* %v37, i64 0, i32 2
  store i64 %out.bits36, i64* %190, align 8
  call void @rt_set_slot(%rt_call* nonnull %call, i32 7, %rt_value* nonnull %v37)
  call void @llvm.lifetime.end.p0i8(i64 16, i8* nonnull %187)
  %slots38 = load %rt_value*, %rt_value** %1, align 8
  %191 = getelementptr inbounds %rt_value, %rt_value* %slots38, i64 1, i32 0
  %call.from.tag = load i32, i32* %191, align 4
  %192 = getelementptr inbounds %rt_value, %rt_value* %slots38, i64 1, i32 1
  %call.from.len = load i32, i32* %192, align 4
  %193 = getelementptr inbounds %rt_value, %rt_value* %slots38, i64 1, i32 2
  %call.from.bits = load i64, i64* %193, align 8
  %194 = bitcast [1 x %rt_value]* %args39 to i8*
  call void @llvm.lifetime.start.p0i8(i64 16, i8* nonnull %194)
  %195 = getelementptr inbounds [1 x %rt_value], [1 x %rt_value]* %args39, i64 0, i64 0
  %196 = getelementptr inbounds [1 x %rt_value], [1 x %rt_value]* %args39, i64 0, i64 0, i32 0
  store i32 %call.from.tag, i32* %196, align 8
  %197 = getelementptr inbounds [1 x %rt_value], [1 x %rt_value]* %args39, i64 0, i64 0, i32 1
  store i32 %call.from.len, i32* %197, align 4
  %198 = getelementptr inbounds [1 x %rt_value], [1 x %rt_value]* %args39, i64 0, i64 0, i32 2
  store i64 %call.from.bits, i64* %198, align 8
  %199 = bitcast %rt_value* %v40 to i8*
  call void @llvm.lifetime.start.p0i8(i64 16, i8* nonnull %199)
  %200 = getelementptr inbounds %rt_value, %rt_value* %v40, i64 0, i32 0
  %201 = getelementptr inbounds %rt_value, %rt_value* %v40, i64 0, i32 1
  %202 = getelementptr inbounds %rt_value, %rt_value* %v40, i64 0, i32 2
  %203 = bitcast %rt_value* %v40 to i8*
  call void @llvm.memset.p0i8.i64(i8* noundef nonnull align 8 dereferenceable(16) %203, i8 0, i64 16, i1 false)
  call void @rt_builtin(%rt_call* nonnull %call, i32 0, %rt_value* nonnull %195, i32 1, %rt_value* nonnull %v40)
  %out.tag41 = load i32, i32* %200, align 8
  %out.len42 = load i32, i32* %201, align 4
  %out.bits43 = load i64, i64* %202, align 8
  call void @llvm.lifetime.end.p0i8(i64 16, i8* nonnull %199)
  call void @llvm.lifetime.end.p0i8(i64 16, i8* nonnull %194)
  %204 = bitcast %rt_value* %v44 to i8*
  call void @llvm.lifetime.start.p0i8(i64 16, i8* nonnull %204)
  %205 = getelementptr inbounds %rt_value, %rt_value* %v44, i64 0, i32 0
  store i32 %out.tag41, i32* %205, align 8
  %206 = getelementptr inbounds %rt_value, %rt_value* %v44, i64 0, i32 1
  store i32 %out.len42, i32* %206, align 4
  %207 = getelementptr inbounds %rt_value, %rt_value* %v44, i64 0, i32 2
  store i64 %out.bits43, i64* %207, align 8
  call void @rt_set_slot(%rt_call* nonnull %call, i32 4, %rt_value* nonnull %v44)
  call void @llvm.lifetime.end.p0i8(i64 16, i8* nonnull %204)
  call void @rt_enter_module(%rt_call* nonnull %call, i32 1)
  %rich = call i32 @trigger_0(%rt_call* nonnull %call)
  %.not = icmp eq i32 %rich, 0
  br i1 %.not, label %and.end.thread, label %and.end

and.end.thread:                                   ; preds = %neg.end
  call void @rt_trace_branch(%rt_call* nonnull %call, i8* getelementptr inbounds ([21 x i8], [21 x i8]* @.str.3, i64 0, i64 0), i32 0)
  br label %b10.route.branch

and.end:                                          ; preds = %neg.end
  %208 = call i32 @rt_now_in(%rt_call* nonnull %call, i32 0)
  %209 = icmp ne i32 %208, 0
  %210 = zext i1 %209 to i32
  call void @rt_trace_branch(%rt_call* nonnull %call, i8* getelementptr inbounds ([21 x i8], [21 x i8]* @.str.3, i64 0, i64 0), i32 %210)
  br i1 %209, label %b11.route.exit.when, label %b10.route.branch

event.kind:                                       ; preds = %b19.vip.playing
  %211 = getelementptr inbounds %rt_event, %rt_event* %event, i64 0, i32 0
  %event.kind54 = load i32, i32* %211, align 4
  switch i32 %event.kind54, label %b21.vip.playing.else [
    i32 6, label %b1.call.hangup
    i32 1, label %b6.bye.enter
  ]

event.kind71:                                     ; preds = %b25.hello.playing
  %212 = getelementptr inbounds %rt_event, %rt_event* %event70, i64 0, i32 0
  %event.kind73 = load i32, i32* %212, align 4
  switch i32 %event.kind73, label %b27.hello.playing.else [
    i32 6, label %b1.call.hangup
    i32 1, label %b6.bye.enter
  ]
}

declare void @rt_end(%rt_call*, i8*) local_unnamed_addr

declare void @rt_enter_module(%rt_call*, i32) local_unnamed_addr

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
