; ModuleID = 'premium'
source_filename = "premium"
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

%rt_value = type { i32, i32, i64 }
%rt_call = type { %rt_value*, i8*, %rt_event*, i32, i32, i32, i32, i8* }
%rt_event = type { i32, i32, %rt_value, %rt_value }

@.str = private unnamed_addr constant [21 x i8] c"invalid resume point\00", align 1
@.str.1 = private unnamed_addr constant [15 x i8] c"caller hung up\00", align 1
@.str.2 = private unnamed_addr constant [13 x i8] c"when premium\00", align 1
@.str.3 = private unnamed_addr constant [20 x i8] c"when customer_found\00", align 1
@.str.4 = private unnamed_addr constant [16 x i8] c"premium_support\00", align 1
@.str.5 = private unnamed_addr constant [9 x i8] c"1084CC0B\00", align 1
@.val = private unnamed_addr constant %rt_value { i32 4, i32 8, i64 ptrtoint ([9 x i8]* @.str.5 to i64) }, align 8
@.str.6 = private unnamed_addr constant [20 x i8] c"hung up by the flow\00", align 1
@triggers = local_unnamed_addr constant [2 x i32 (%rt_call*)*] [i32 (%rt_call*)* @trigger_0, i32 (%rt_call*)* @trigger_1]

; Function Attrs: mustprogress nofree norecurse nosync nounwind readonly willreturn
define internal i32 @trigger_0(%rt_call* nocapture readonly %call) #0 {
entry:
  %0 = getelementptr inbounds %rt_call, %rt_call* %call, i64 0, i32 0
  %slots = load %rt_value*, %rt_value** %0, align 8
  %1 = getelementptr inbounds %rt_value, %rt_value* %slots, i64 5, i32 0
  %ivr.premium.tag = load i32, i32* %1, align 4
  %2 = getelementptr inbounds %rt_value, %rt_value* %slots, i64 5, i32 2
  %ivr.premium.bits = load i64, i64* %2, align 8
  %3 = icmp eq i64 %ivr.premium.bits, 1
  %4 = icmp eq i32 %ivr.premium.tag, 2
  %5 = and i1 %4, %3
  %6 = zext i1 %5 to i32
  ret i32 %6
}

; Function Attrs: mustprogress nofree norecurse nosync nounwind readonly willreturn
define internal i32 @trigger_1(%rt_call* nocapture readonly %call) #0 {
entry:
  %0 = getelementptr inbounds %rt_call, %rt_call* %call, i64 0, i32 0
  %slots = load %rt_value*, %rt_value** %0, align 8
  %1 = getelementptr inbounds %rt_value, %rt_value* %slots, i64 4, i32 0
  %ivr.email.tag = load i32, i32* %1, align 4
  %2 = icmp ugt i32 %ivr.email.tag, 1
  %3 = zext i1 %2 to i32
  ret i32 %3
}

define i32 @on_event(%rt_call* %call) local_unnamed_addr {
entry:
  %args11 = alloca [1 x %rt_value], align 8
  %v = alloca %rt_value, align 8
  %args = alloca [4 x %rt_value], align 8
  %0 = getelementptr inbounds %rt_call, %rt_call* %call, i64 0, i32 3
  %resume = load i32, i32* %0, align 4
  switch i32 %resume, label %invalid_resume [
    i32 0, label %b2.route.enter
    i32 2, label %b2.route.enter
    i32 3, label %b3.agents.enter
    i32 4, label %b4.bye.enter
    i32 14, label %b14.agents.queued
    i32 17, label %b17.agents.connected
  ]

common.ret:                                       ; preds = %event.value, %bye.migrate, %agents.migrate, %route.migrate, %invalid_resume, %bye.entered, %b18.agents.connected.else, %b16.agents.queued.else, %agents.entered, %b1.call.hangup
  %common.ret.op = phi i32 [ 2, %b1.call.hangup ], [ 0, %agents.entered ], [ 0, %b16.agents.queued.else ], [ 0, %b18.agents.connected.else ], [ 2, %bye.entered ], [ 2, %invalid_resume ], [ 3, %route.migrate ], [ 3, %agents.migrate ], [ 3, %bye.migrate ], [ 0, %event.value ]
  ret i32 %common.ret.op

b1.call.hangup:                                   ; preds = %event.kind3, %event.kind9
  tail call void @rt_end(%rt_call* nonnull %call, i8* getelementptr inbounds ([15 x i8], [15 x i8]* @.str.1, i64 0, i64 0))
  br label %common.ret

b2.route.enter:                                   ; preds = %entry, %entry
  %1 = tail call i32 @rt_enter_module(%rt_call* nonnull %call, i32 0)
  %.not13 = icmp eq i32 %1, 0
  br i1 %.not13, label %route.entered, label %route.migrate, !prof !0

b3.agents.enter:                                  ; preds = %route.entered, %entry
  %2 = tail call i32 @rt_enter_module(%rt_call* nonnull %call, i32 1)
  %.not12 = icmp eq i32 %2, 0
  br i1 %.not12, label %agents.entered, label %agents.migrate, !prof !0

b4.bye.enter:                                     ; preds = %b6.route.branch, %entry
  %3 = tail call i32 @rt_enter_module(%rt_call* nonnull %call, i32 2)
  %.not = icmp eq i32 %3, 0
  br i1 %.not, label %bye.entered, label %bye.migrate, !prof !0

b6.route.branch:                                  ; preds = %route.entered
  %slots.i = load %rt_value*, %rt_value** %11, align 8
  %4 = getelementptr inbounds %rt_value, %rt_value* %slots.i, i64 4, i32 0
  %ivr.email.tag.i = load i32, i32* %4, align 4
  %5 = icmp ugt i32 %ivr.email.tag.i, 1
  %6 = zext i1 %5 to i32
  tail call void @rt_trace_branch(%rt_call* nonnull %call, i8* getelementptr inbounds ([20 x i8], [20 x i8]* @.str.3, i64 0, i64 0), i32 %6)
  br label %b4.bye.enter

b14.agents.queued:                                ; preds = %entry
  %7 = getelementptr inbounds %rt_call, %rt_call* %call, i64 0, i32 2
  %event2 = load %rt_event*, %rt_event** %7, align 8
  %8 = icmp eq %rt_event* %event2, null
  br i1 %8, label %b16.agents.queued.else, label %event.kind3

b16.agents.queued.else:                           ; preds = %event.kind3, %b14.agents.queued
  store i32 14, i32* %0, align 4
  br label %common.ret

b17.agents.connected:                             ; preds = %entry
  %9 = getelementptr inbounds %rt_call, %rt_call* %call, i64 0, i32 2
  %event8 = load %rt_event*, %rt_event** %9, align 8
  %10 = icmp eq %rt_event* %event8, null
  br i1 %10, label %b18.agents.connected.else, label %event.kind9

b18.agents.connected.else:                        ; preds = %event.kind9, %b17.agents.connected
  store i32 17, i32* %0, align 4
  br label %common.ret

invalid_resume:                                   ; preds = %entry
  tail call void @rt_end(%rt_call* nonnull %call, i8* getelementptr inbounds ([21 x i8], [21 x i8]* @.str, i64 0, i64 0))
  br label %common.ret

route.migrate:                                    ; preds = %b2.route.enter
  store i32 2, i32* %0, align 4
  br label %common.ret

route.entered:                                    ; preds = %b2.route.enter
  %11 = getelementptr inbounds %rt_call, %rt_call* %call, i64 0, i32 0
  %slots.i14 = load %rt_value*, %rt_value** %11, align 8
  %12 = getelementptr inbounds %rt_value, %rt_value* %slots.i14, i64 5, i32 0
  %ivr.premium.tag.i = load i32, i32* %12, align 4
  %13 = getelementptr inbounds %rt_value, %rt_value* %slots.i14, i64 5, i32 2
  %ivr.premium.bits.i = load i64, i64* %13, align 8
  %14 = icmp eq i64 %ivr.premium.bits.i, 1
  %15 = icmp eq i32 %ivr.premium.tag.i, 2
  %16 = and i1 %15, %14
  %17 = zext i1 %16 to i32
  tail call void @rt_trace_branch(%rt_call* nonnull %call, i8* getelementptr inbounds ([13 x i8], [13 x i8]* @.str.2, i64 0, i64 0), i32 %17)
  br i1 %16, label %b3.agents.enter, label %b6.route.branch

agents.migrate:                                   ; preds = %b3.agents.enter
  store i32 3, i32* %0, align 4
  br label %common.ret

agents.entered:                                   ; preds = %b3.agents.enter
  %18 = bitcast [4 x %rt_value]* %args to i8*
  call void @llvm.lifetime.start.p0i8(i64 64, i8* nonnull %18)
  %19 = getelementptr inbounds [4 x %rt_value], [4 x %rt_value]* %args, i64 0, i64 0
  %20 = getelementptr inbounds [4 x %rt_value], [4 x %rt_value]* %args, i64 0, i64 0, i32 0
  store i32 4, i32* %20, align 8
  %21 = getelementptr inbounds [4 x %rt_value], [4 x %rt_value]* %args, i64 0, i64 0, i32 1
  store i32 15, i32* %21, align 4
  %22 = getelementptr inbounds [4 x %rt_value], [4 x %rt_value]* %args, i64 0, i64 0, i32 2
  store i64 ptrtoint ([16 x i8]* @.str.4 to i64), i64* %22, align 8
  %23 = getelementptr inbounds [4 x %rt_value], [4 x %rt_value]* %args, i64 0, i64 1, i32 0
  store i32 4, i32* %23, align 8
  %24 = getelementptr inbounds [4 x %rt_value], [4 x %rt_value]* %args, i64 0, i64 1, i32 1
  store i32 8, i32* %24, align 4
  %25 = getelementptr inbounds [4 x %rt_value], [4 x %rt_value]* %args, i64 0, i64 1, i32 2
  store i64 ptrtoint ([9 x i8]* @.str.5 to i64), i64* %25, align 8
  %26 = getelementptr inbounds [4 x %rt_value], [4 x %rt_value]* %args, i64 0, i64 2
  %27 = bitcast %rt_value* %26 to i8*
  call void @llvm.memset.p0i8.i64(i8* noundef nonnull align 8 dereferenceable(32) %27, i8 0, i64 32, i1 false)
  call void @rt_emit(%rt_call* nonnull %call, i32 3, %rt_value* nonnull %19, i32 4)
  call void @llvm.lifetime.end.p0i8(i64 64, i8* nonnull %18)
  store i32 14, i32* %0, align 4
  call void @rt_timer(%rt_call* nonnull %call, i32 0, i32 0)
  br label %common.ret

bye.migrate:                                      ; preds = %b4.bye.enter
  store i32 4, i32* %0, align 4
  br label %common.ret

bye.entered:                                      ; preds = %b4.bye.enter
  %28 = bitcast [1 x %rt_value]* %args11 to i8*
  call void @llvm.lifetime.start.p0i8(i64 16, i8* nonnull %28)
  %29 = getelementptr inbounds [1 x %rt_value], [1 x %rt_value]* %args11, i64 0, i64 0
  %30 = getelementptr inbounds [1 x %rt_value], [1 x %rt_value]* %args11, i64 0, i64 0, i32 0
  store i32 4, i32* %30, align 8
  %31 = getelementptr inbounds [1 x %rt_value], [1 x %rt_value]* %args11, i64 0, i64 0, i32 1
  store i32 19, i32* %31, align 4
  %32 = getelementptr inbounds [1 x %rt_value], [1 x %rt_value]* %args11, i64 0, i64 0, i32 2
  store i64 ptrtoint ([20 x i8]* @.str.6 to i64), i64* %32, align 8
  call void @rt_emit(%rt_call* nonnull %call, i32 5, %rt_value* nonnull %29, i32 1)
  call void @llvm.lifetime.end.p0i8(i64 16, i8* nonnull %28)
  call void @rt_end(%rt_call* nonnull %call, i8* getelementptr inbounds ([20 x i8], [20 x i8]* @.str.6, i64 0, i64 0))
  br label %common.ret

event.value:                                      ; preds = %event.kind3
  %33 = getelementptr inbounds %rt_event, %rt_event* %event2, i64 0, i32 3, i32 2
  %agent.bits = load i64, i64* %33, align 8
  %34 = getelementptr inbounds %rt_event, %rt_event* %event2, i64 0, i32 3, i32 1
  %agent.len = load i32, i32* %34, align 4
  %35 = getelementptr inbounds %rt_event, %rt_event* %event2, i64 0, i32 3, i32 0
  %agent.tag = load i32, i32* %35, align 4
  %36 = bitcast %rt_value* %v to i8*
  call void @llvm.lifetime.start.p0i8(i64 16, i8* nonnull %36)
  %37 = getelementptr inbounds %rt_value, %rt_value* %v, i64 0, i32 0
  store i32 %agent.tag, i32* %37, align 8
  %38 = getelementptr inbounds %rt_value, %rt_value* %v, i64 0, i32 1
  store i32 %agent.len, i32* %38, align 4
  %39 = getelementptr inbounds %rt_value, %rt_value* %v, i64 0, i32 2
  store i64 %agent.bits, i64* %39, align 8
  call void @rt_agent_connected(%rt_call* nonnull %call, %rt_value* nonnull %v, %rt_value* nonnull @.val)
  call void @llvm.lifetime.end.p0i8(i64 16, i8* nonnull %36)
  store i32 17, i32* %0, align 4
  call void @rt_timer(%rt_call* nonnull %call, i32 0, i32 0)
  br label %common.ret

event.kind3:                                      ; preds = %b14.agents.queued
  %40 = getelementptr inbounds %rt_event, %rt_event* %event2, i64 0, i32 0
  %event.kind4 = load i32, i32* %40, align 4
  switch i32 %event.kind4, label %b16.agents.queued.else [
    i32 6, label %b1.call.hangup
    i32 4, label %event.value
  ]

event.kind9:                                      ; preds = %b17.agents.connected
  %41 = getelementptr inbounds %rt_event, %rt_event* %event8, i64 0, i32 0
  %event.kind10 = load i32, i32* %41, align 4
  %42 = icmp eq i32 %event.kind10, 6
  br i1 %42, label %b1.call.hangup, label %b18.agents.connected.else
}

declare void @rt_end(%rt_call*, i8*) local_unnamed_addr

declare i32 @rt_enter_module(%rt_call*, i32) local_unnamed_addr

declare void @rt_trace_branch(%rt_call*, i8*, i32) local_unnamed_addr

; Function Attrs: argmemonly mustprogress nofree nosync nounwind willreturn
declare void @llvm.lifetime.start.p0i8(i64 immarg, i8* nocapture) #1

; Function Attrs: argmemonly mustprogress nofree nounwind willreturn writeonly
declare void @llvm.memset.p0i8.i64(i8* nocapture writeonly, i8, i64, i1 immarg) #2

declare void @rt_emit(%rt_call*, i32, %rt_value*, i32) local_unnamed_addr

; Function Attrs: argmemonly mustprogress nofree nosync nounwind willreturn
declare void @llvm.lifetime.end.p0i8(i64 immarg, i8* nocapture) #1

declare void @rt_timer(%rt_call*, i32, i32) local_unnamed_addr

declare void @rt_agent_connected(%rt_call*, %rt_value*, %rt_value*) local_unnamed_addr

attributes #0 = { mustprogress nofree norecurse nosync nounwind readonly willreturn }
attributes #1 = { argmemonly mustprogress nofree nosync nounwind willreturn }
attributes #2 = { argmemonly mustprogress nofree nounwind willreturn writeonly }

!0 = !{!"branch_weights", i32 1000, i32 1}
