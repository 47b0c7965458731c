; ModuleID = 'crm_lookup'
source_filename = "crm_lookup"
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

%rt_call = type { %rt_value*, i8*, %rt_event*, i32, i32, i32, i32, i8* }
%rt_value = type { i32, i32, i64 }
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
  %args18 = alloca [1 x %rt_value], align 8
  %args9 = alloca [3 x %rt_value], align 8
  %v5 = alloca %rt_value, align 8
  %v4 = alloca %rt_value, align 8
  %v = alloca %rt_value, align 8
  %args = alloca [2 x %rt_value], align 8
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

b1.call.hangup:                                   ; preds = %event.kind11, %event.kind
  tail call void @rt_end(%rt_call* nonnull %call, i8* getelementptr inbounds ([15 x i8], [15 x i8]* @.str.1, i64 0, i64 0))
  br label %common.ret

b2.lookup.enter:                                  ; preds = %entry, %entry
  %1 = tail call i32 @rt_enter_module(%rt_call* nonnull %call, i32 0)
  %.not21 = icmp eq i32 %1, 0
  br i1 %.not21, label %lookup.entered, label %lookup.migrate, !prof !0

b3.greet.enter:                                   ; preds = %b13.lookup.leave, %entry
  %2 = tail call i32 @rt_enter_module(%rt_call* nonnull %call, i32 1)
  %.not20 = icmp eq i32 %2, 0
  br i1 %.not20, label %greet.entered, label %greet.migrate, !prof !0

b4.bye.enter:                                     ; preds = %event.kind11, %b14.lookup.exit.on_error, %entry
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

b10.lookup.request.check:                         ; preds = %b9.lookup.request.resume, %event.kind
  %6 = getelementptr inbounds %rt_call, %rt_call* %call, i64 0, i32 1
  %automations2 = load i8*, i8** %6, align 8
  %7 = getelementptr inbounds i8, i8* %automations2, i64 1
  %lookup.http.status3 = load i8, i8* %7, align 1
  %8 = icmp ugt i8 %lookup.http.status3, 1
  br i1 %8, label %b13.lookup.leave, label %b11.lookup.request.ignore

b11.lookup.request.ignore:                        ; preds = %b10.lookup.request.check
  store i32 9, i32* %0, align 4
  br label %common.ret

b13.lookup.leave:                                 ; preds = %lookup.entered, %b10.lookup.request.check
  %9 = getelementptr inbounds %rt_call, %rt_call* %call, i64 0, i32 5
  %module_failed = load i32, i32* %9, align 4
  %.not19 = icmp eq i32 %module_failed, 0
  br i1 %.not19, label %b3.greet.enter, label %b14.lookup.exit.on_error

b14.lookup.exit.on_error:                         ; preds = %b13.lookup.leave
  tail call void @rt_trace(%rt_call* nonnull %call, i8* getelementptr inbounds ([22 x i8], [22 x i8]* @.str.2, i64 0, i64 0))
  br label %b4.bye.enter

b17.greet.playing:                                ; preds = %entry
  %10 = getelementptr inbounds %rt_call, %rt_call* %call, i64 0, i32 2
  %event10 = load %rt_event*, %rt_event** %10, align 8
  %11 = icmp eq %rt_event* %event10, null
  br i1 %11, label %b19.greet.playing.else, label %event.kind11

b19.greet.playing.else:                           ; preds = %event.kind11, %b17.greet.playing
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
  tail call void @rt_tmpl_begin(%rt_call* nonnull %call)
  tail call void @rt_tmpl_text(%rt_call* nonnull %call, i8* getelementptr inbounds ([7 x i8], [7 x i8]* @.str.3, i64 0, i64 0), i32 6)
  %15 = getelementptr inbounds %rt_call, %rt_call* %call, i64 0, i32 0
  %slots = load %rt_value*, %rt_value** %15, align 8
  %16 = getelementptr inbounds %rt_value, %rt_value* %slots, i64 4, i32 0
  %ivr.customer_id.tag = load i32, i32* %16, align 4
  %17 = getelementptr inbounds %rt_value, %rt_value* %slots, i64 4, i32 1
  %ivr.customer_id.len = load i32, i32* %17, align 4
  %18 = getelementptr inbounds %rt_value, %rt_value* %slots, i64 4, i32 2
  %ivr.customer_id.bits = load i64, i64* %18, align 8
  %19 = bitcast [2 x %rt_value]* %args to i8*
  call void @llvm.lifetime.start.p0i8(i64 32, i8* nonnull %19)
  %20 = getelementptr inbounds [2 x %rt_value], [2 x %rt_value]* %args, i64 0, i64 0
  %21 = getelementptr inbounds [2 x %rt_value], [2 x %rt_value]* %args, i64 0, i64 0, i32 0
  store i32 %ivr.customer_id.tag, i32* %21, align 8
  %22 = getelementptr inbounds [2 x %rt_value], [2 x %rt_value]* %args, i64 0, i64 0, i32 1
  store i32 %ivr.customer_id.len, i32* %22, align 4
  %23 = getelementptr inbounds [2 x %rt_value], [2 x %rt_value]* %args, i64 0, i64 0, i32 2
  store i64 %ivr.customer_id.bits, i64* %23, align 8
  %24 = getelementptr inbounds [2 x %rt_value], [2 x %rt_value]* %args, i64 0, i64 1, i32 0
  store i32 4, i32* %24, align 8
  %25 = getelementptr inbounds [2 x %rt_value], [2 x %rt_value]* %args, i64 0, i64 1, i32 1
  store i32 6, i32* %25, align 4
  %26 = getelementptr inbounds [2 x %rt_value], [2 x %rt_value]* %args, i64 0, i64 1, i32 2
  store i64 ptrtoint ([7 x i8]* @.str.4 to i64), i64* %26, align 8
  %27 = bitcast %rt_value* %v to i8*
  call void @llvm.lifetime.start.p0i8(i64 16, i8* nonnull %27)
  %28 = getelementptr inbounds %rt_value, %rt_value* %v, i64 0, i32 0
  %29 = getelementptr inbounds %rt_value, %rt_value* %v, i64 0, i32 1
  %30 = getelementptr inbounds %rt_value, %rt_value* %v, i64 0, i32 2
  %31 = bitcast %rt_value* %v to i8*
  call void @llvm.memset.p0i8.i64(i8* noundef nonnull align 8 dereferenceable(16) %31, i8 0, i64 16, i1 false)
  call void @rt_builtin(%rt_call* nonnull %call, i32 13, %rt_value* nonnull %20, i32 2, %rt_value* nonnull %v)
  %out.tag = load i32, i32* %28, align 8
  %out.len = load i32, i32* %29, align 4
  %out.bits = load i64, i64* %30, align 8
  call void @llvm.lifetime.end.p0i8(i64 16, i8* nonnull %27)
  call void @llvm.lifetime.end.p0i8(i64 32, i8* nonnull %19)
  %32 = bitcast %rt_value* %v4 to i8*
  call void @llvm.lifetime.start.p0i8(i64 16, i8* nonnull %32)
  %33 = getelementptr inbounds %rt_value, %rt_value* %v4, i64 0, i32 0
  store i32 %out.tag, i32* %33, align 8
  %34 = getelementptr inbounds %rt_value, %rt_value* %v4, i64 0, i32 1
  store i32 %out.len, i32* %34, align 4
  %35 = getelementptr inbounds %rt_value, %rt_value* %v4, i64 0, i32 2
  store i64 %out.bits, i64* %35, align 8
  call void @rt_tmpl_value(%rt_call* nonnull %call, %rt_value* nonnull %v4, i32 0)
  call void @llvm.lifetime.end.p0i8(i64 16, i8* nonnull %32)
  call void @rt_tmpl_text(%rt_call* nonnull %call, i8* getelementptr inbounds ([2 x i8], [2 x i8]* @.str.5, i64 0, i64 0), i32 1)
  %36 = bitcast %rt_value* %v5 to i8*
  call void @llvm.lifetime.start.p0i8(i64 16, i8* nonnull %36)
  %37 = getelementptr inbounds %rt_value, %rt_value* %v5, i64 0, i32 0
  %38 = getelementptr inbounds %rt_value, %rt_value* %v5, i64 0, i32 1
  %39 = getelementptr inbounds %rt_value, %rt_value* %v5, i64 0, i32 2
  %40 = bitcast %rt_value* %v5 to i8*
  call void @llvm.memset.p0i8.i64(i8* noundef nonnull align 8 dereferenceable(16) %40, i8 0, i64 16, i1 false)
  call void @rt_tmpl_end(%rt_call* nonnull %call, %rt_value* nonnull %v5)
  %out.tag6 = load i32, i32* %37, align 8
  %out.len7 = load i32, i32* %38, align 4
  %out.bits8 = load i64, i64* %39, align 8
  call void @llvm.lifetime.end.p0i8(i64 16, i8* nonnull %36)
  %41 = bitcast [3 x %rt_value]* %args9 to i8*
  call void @llvm.lifetime.start.p0i8(i64 48, i8* nonnull %41)
  %42 = getelementptr inbounds [3 x %rt_value], [3 x %rt_value]* %args9, i64 0, i64 0
  %43 = getelementptr inbounds [3 x %rt_value], [3 x %rt_value]* %args9, i64 0, i64 0, i32 0
  store i32 %out.tag6, i32* %43, align 8
  %44 = getelementptr inbounds [3 x %rt_value], [3 x %rt_value]* %args9, i64 0, i64 0, i32 1
  store i32 %out.len7, i32* %44, align 4
  %45 = getelementptr inbounds [3 x %rt_value], [3 x %rt_value]* %args9, i64 0, i64 0, i32 2
  store i64 %out.bits8, i64* %45, align 8
  %46 = getelementptr inbounds [3 x %rt_value], [3 x %rt_value]* %args9, i64 0, i64 1, i32 0
  %47 = bitcast i32* %46 to i8*
  call void @llvm.memset.p0i8.i64(i8* noundef nonnull align 8 dereferenceable(32) %47, i8 0, i64 32, i1 false)
  call void @rt_emit(%rt_call* nonnull %call, i32 1, %rt_value* nonnull %42, i32 3)
  call void @llvm.lifetime.end.p0i8(i64 48, i8* nonnull %41)
  store i32 17, i32* %0, align 4
  call void @rt_timer(%rt_call* nonnull %call, i32 0, i32 0)
  br label %common.ret

bye.migrate:                                      ; preds = %b4.bye.enter
  store i32 4, i32* %0, align 4
  br label %common.ret

bye.entered:                                      ; preds = %b4.bye.enter
  %48 = bitcast [1 x %rt_value]* %args18 to i8*
  call void @llvm.lifetime.start.p0i8(i64 16, i8* nonnull %48)
  %49 = getelementptr inbounds [1 x %rt_value], [1 x %rt_value]* %args18, i64 0, i64 0
  %50 = getelementptr inbounds [1 x %rt_value], [1 x %rt_value]* %args18, i64 0, i64 0, i32 0
  store i32 4, i32* %50, align 8
  %51 = getelementptr inbounds [1 x %rt_value], [1 x %rt_value]* %args18, i64 0, i64 0, i32 1
  store i32 19, i32* %51, align 4
  %52 = getelementptr inbounds [1 x %rt_value], [1 x %rt_value]* %args18, i64 0, i64 0, i32 2
  store i64 ptrtoint ([20 x i8]* @.str.6 to i64), i64* %52, align 8
  call void @rt_emit(%rt_call* nonnull %call, i32 5, %rt_value* nonnull %49, i32 1)
  call void @llvm.lifetime.end.p0i8(i64 16, i8* nonnull %48)
  call void @rt_end(%rt_call* nonnull %call, i8* getelementptr inbounds ([20 x i8], [20 x i8]* @.str.6, i64 0, i64 0))
  br label %common.ret

event.kind:                                       ; preds = %b9.lookup.request.resume
  %53 = getelementptr inbounds %rt_event, %rt_event* %event, i64 0, i32 0
  %event.kind1 = load i32, i32* %53, align 4
  %54 = icmp eq i32 %event.kind1, 6
  br i1 %54, label %b1.call.hangup, label %b10.lookup.request.check

event.kind11:                                     ; preds = %b17.greet.playing
  %55 = getelementptr inbounds %rt_event, %rt_event* %event10, i64 0, i32 0
  %event.kind13 = load i32, i32* %55, align 4
  switch i32 %event.kind13, label %b19.greet.playing.else [
    i32 6, label %b1.call.hangup
    i32 1, label %b4.bye.enter
  ]
}

declare void @rt_end(%rt_call*, i8*) local_unnamed_addr

declare i32 @rt_enter_module(%rt_call*, i32) local_unnamed_addr

declare void @rt_start_automation(%rt_call*, i32) local_unnamed_addr

declare void @rt_timer(%rt_call*, i32, i32) local_unnamed_addr

declare void @rt_trace(%rt_call*, i8*) local_unnamed_addr

declare void @rt_tmpl_begin(%rt_call*) local_unnamed_addr

declare void @rt_tmpl_text(%rt_call*, i8*, i32) local_unnamed_addr

; Function Attrs: argmemonly mustprogress nofree nosync nounwind willreturn
declare void @llvm.lifetime.start.p0i8(i64 immarg, i8* nocapture) #1

declare void @rt_builtin(%rt_call*, i32, %rt_value*, i32, %rt_value*) local_unnamed_addr

; Function Attrs: argmemonly mustprogress nofree nosync nounwind willreturn
declare void @llvm.lifetime.end.p0i8(i64 immarg, i8* nocapture) #1

declare void @rt_tmpl_value(%rt_call*, %rt_value*, i32) local_unnamed_addr

declare void @rt_tmpl_end(%rt_call*, %rt_value*) local_unnamed_addr

declare void @rt_emit(%rt_call*, i32, %rt_value*, i32) local_unnamed_addr

define internal void @build_0(%rt_call* %call, i8* %req) {
entry:
  %v8 = alloca %rt_value, align 8
  %v6 = alloca %rt_value, align 8
  %v5 = alloca %rt_value, align 8
  %v4 = alloca %rt_value, align 8
  %v2 = alloca %rt_value, align 8
  %v1 = alloca %rt_value, align 8
  %v = alloca %rt_value, align 8
  tail call void @rt_tmpl_begin(%rt_call* %call)
  tail call void @rt_tmpl_text(%rt_call* %call, i8* getelementptr inbounds ([20 x i8], [20 x i8]* @.str.8, i64 0, i64 0), i32 19)
  tail call void @rt_tmpl_text(%rt_call* %call, i8* getelementptr inbounds ([9 x i8], [9 x i8]* @.str.9, i64 0, i64 0), i32 8)
  %0 = getelementptr inbounds %rt_call, %rt_call* %call, i64 0, i32 0
  %slots = load %rt_value*, %rt_value** %0, align 8
  %1 = getelementptr inbounds %rt_value, %rt_value* %slots, i64 0, i32 0
  %call.id.tag = load i32, i32* %1, align 4
  %2 = getelementptr inbounds %rt_value, %rt_value* %slots, i64 0, i32 1
  %call.id.len = load i32, i32* %2, align 4
  %3 = getelementptr inbounds %rt_value, %rt_value* %slots, i64 0, i32 2
  %call.id.bits = load i64, i64* %3, align 8
  %4 = bitcast %rt_value* %v to i8*
  call void @llvm.lifetime.start.p0i8(i64 16, i8* nonnull %4)
  %5 = getelementptr inbounds %rt_value, %rt_value* %v, i64 0, i32 0
  store i32 %call.id.tag, i32* %5, align 8
  %6 = getelementptr inbounds %rt_value, %rt_value* %v, i64 0, i32 1
  store i32 %call.id.len, i32* %6, align 4
  %7 = getelementptr inbounds %rt_value, %rt_value* %v, i64 0, i32 2
  store i64 %call.id.bits, i64* %7, align 8
  call void @rt_tmpl_value(%rt_call* %call, %rt_value* nonnull %v, i32 1)
  call void @llvm.lifetime.end.p0i8(i64 16, i8* nonnull %4)
  %8 = bitcast %rt_value* %v1 to i8*
  call void @llvm.lifetime.start.p0i8(i64 16, i8* nonnull %8)
  %9 = getelementptr inbounds %rt_value, %rt_value* %v1, i64 0, i32 0
  %10 = getelementptr inbounds %rt_value, %rt_value* %v1, i64 0, i32 1
  %11 = getelementptr inbounds %rt_value, %rt_value* %v1, i64 0, i32 2
  %12 = bitcast %rt_value* %v1 to i8*
  call void @llvm.memset.p0i8.i64(i8* noundef nonnull align 8 dereferenceable(16) %12, i8 0, i64 16, i1 false)
  call void @rt_tmpl_end(%rt_call* %call, %rt_value* nonnull %v1)
  %out.tag = load i32, i32* %9, align 8
  %out.len = load i32, i32* %10, align 4
  %out.bits = load i64, i64* %11, align 8
  call void @llvm.lifetime.end.p0i8(i64 16, i8* nonnull %8)
  %13 = bitcast %rt_value* %v2 to i8*
  call void @llvm.lifetime.start.p0i8(i64 16, i8* nonnull %13)
  %14 = getelementptr inbounds %rt_value, %rt_value* %v2, i64 0, i32 0
  store i32 %out.tag, i32* %14, align 8
  %15 = getelementptr inbounds %rt_value, %rt_value* %v2, i64 0, i32 1
  store i32 %out.len, i32* %15, align 4
  %16 = getelementptr inbounds %rt_value, %rt_value* %v2, i64 0, i32 2
  store i64 %out.bits, i64* %16, align 8
  call void @rt_req_url(i8* %req, %rt_value* nonnull %v2)
  call void @llvm.lifetime.end.p0i8(i64 16, i8* nonnull %13)
  call void @rt_json_begin(i8* %req, i32 0)
  call void @rt_json_key(i8* %req, i8* getelementptr inbounds ([5 x i8], [5 x i8]* @.str.10, i64 0, i64 0), i32 4)
  %slots3 = load %rt_value*, %rt_value** %0, align 8
  %17 = getelementptr inbounds %rt_value, %rt_value* %slots3, i64 5, i32 0
  %ivr.tier.tag = load i32, i32* %17, align 4
  %18 = getelementptr inbounds %rt_value, %rt_value* %slots3, i64 5, i32 1
  %ivr.tier.len = load i32, i32* %18, align 4
  %19 = getelementptr inbounds %rt_value, %rt_value* %slots3, i64 5, i32 2
  %ivr.tier.bits = load i64, i64* %19, align 8
  %20 = bitcast %rt_value* %v4 to i8*
  call void @llvm.lifetime.start.p0i8(i64 16, i8* nonnull %20)
  %21 = getelementptr inbounds %rt_value, %rt_value* %v4, i64 0, i32 0
  store i32 %ivr.tier.tag, i32* %21, align 8
  %22 = getelementptr inbounds %rt_value, %rt_value* %v4, i64 0, i32 1
  store i32 %ivr.tier.len, i32* %22, align 4
  %23 = getelementptr inbounds %rt_value, %rt_value* %v4, i64 0, i32 2
  store i64 %ivr.tier.bits, i64* %23, align 8
  call void @rt_json_value(i8* %req, %rt_value* nonnull %v4)
  call void @llvm.lifetime.end.p0i8(i64 16, i8* nonnull %20)
  call void @rt_json_key(i8* %req, i8* getelementptr inbounds ([5 x i8], [5 x i8]* @.str.7, i64 0, i64 0), i32 4)
  %slots.i = load %rt_value*, %rt_value** %0, align 8
  %24 = getelementptr inbounds %rt_value, %rt_value* %slots.i, i64 5, i32 0
  %ivr.tier.tag.i = load i32, i32* %24, align 4
  %25 = getelementptr inbounds %rt_value, %rt_value* %slots.i, i64 5, i32 1
  %ivr.tier.len.i = load i32, i32* %25, align 4
  %26 = icmp eq i32 %ivr.tier.len.i, 4
  %27 = icmp eq i32 %ivr.tier.tag.i, 4
  %28 = and i1 %27, %26
  br i1 %28, label %streq.bytes.i, label %trigger_0.exit

streq.bytes.i:                                    ; preds = %entry
  %29 = getelementptr inbounds %rt_value, %rt_value* %slots.i, i64 5, i32 2
  %ivr.tier.bits.i = load i64, i64* %29, align 8
  %30 = inttoptr i64 %ivr.tier.bits.i to i32*
  %31 = load i32, i32* %30, align 1
  %32 = icmp eq i32 %31, 1684828007
  %phi.cast = zext i1 %32 to i64
  br label %trigger_0.exit

trigger_0.exit:                                   ; preds = %entry, %streq.bytes.i
  %33 = phi i64 [ 0, %entry ], [ %phi.cast, %streq.bytes.i ]
  %34 = bitcast %rt_value* %v5 to i8*
  call void @llvm.lifetime.start.p0i8(i64 16, i8* nonnull %34)
  %35 = getelementptr inbounds %rt_value, %rt_value* %v5, i64 0, i32 0
  store i32 2, i32* %35, align 8
  %36 = getelementptr inbounds %rt_value, %rt_value* %v5, i64 0, i32 1
  store i32 0, i32* %36, align 4
  %37 = getelementptr inbounds %rt_value, %rt_value* %v5, i64 0, i32 2
  store i64 %33, i64* %37, align 8
  call void @rt_json_value(i8* %req, %rt_value* nonnull %v5)
  call void @llvm.lifetime.end.p0i8(i64 16, i8* nonnull %34)
  call void @rt_json_key(i8* %req, i8* getelementptr inbounds ([5 x i8], [5 x i8]* @.str.11, i64 0, i64 0), i32 4)
  call void @rt_json_begin(i8* %req, i32 1)
  %38 = bitcast %rt_value* %v6 to i8*
  call void @llvm.lifetime.start.p0i8(i64 16, i8* nonnull %38)
  %39 = getelementptr inbounds %rt_value, %rt_value* %v6, i64 0, i32 0
  store i32 4, i32* %39, align 8
  %40 = getelementptr inbounds %rt_value, %rt_value* %v6, i64 0, i32 1
  store i32 3, i32* %40, align 4
  %41 = getelementptr inbounds %rt_value, %rt_value* %v6, i64 0, i32 2
  store i64 ptrtoint ([4 x i8]* @.str.12 to i64), i64* %41, align 8
  call void @rt_json_value(i8* %req, %rt_value* nonnull %v6)
  call void @llvm.lifetime.end.p0i8(i64 16, i8* nonnull %38)
  %slots7 = load %rt_value*, %rt_value** %0, align 8
  %42 = getelementptr inbounds %rt_value, %rt_value* %slots7, i64 2, i32 0
  %call.to.tag = load i32, i32* %42, align 4
  %43 = getelementptr inbounds %rt_value, %rt_value* %slots7, i64 2, i32 1
  %call.to.len = load i32, i32* %43, align 4
  %44 = getelementptr inbounds %rt_value, %rt_value* %slots7, i64 2, i32 2
  %call.to.bits = load i64, i64* %44, align 8
  %45 = bitcast %rt_value* %v8 to i8*
  call void @llvm.lifetime.start.p0i8(i64 16, i8* nonnull %45)
  %46 = getelementptr inbounds %rt_value, %rt_value* %v8, i64 0, i32 0
  store i32 %call.to.tag, i32* %46, align 8
  %47 = getelementptr inbounds %rt_value, %rt_value* %v8, i64 0, i32 1
  store i32 %call.to.len, i32* %47, align 4
  %48 = getelementptr inbounds %rt_value, %rt_value* %v8, i64 0, i32 2
  store i64 %call.to.bits, i64* %48, align 8
  call void @rt_json_value(i8* %req, %rt_value* nonnull %v8)
  call void @llvm.lifetime.end.p0i8(i64 16, i8* nonnull %45)
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
  %v4 = alloca %rt_value, align 8
  %v2 = alloca %rt_value, align 8
  %v1 = alloca %rt_value, align 8
  %v = alloca %rt_value, align 8
  tail call void @rt_tmpl_begin(%rt_call* %call)
  tail call void @rt_tmpl_text(%rt_call* %call, i8* getelementptr inbounds ([20 x i8], [20 x i8]* @.str.8, i64 0, i64 0), i32 19)
  tail call void @rt_tmpl_text(%rt_call* %call, i8* getelementptr inbounds ([18 x i8], [18 x i8]* @.str.13, i64 0, i64 0), i32 17)
  %0 = getelementptr inbounds %rt_call, %rt_call* %call, i64 0, i32 0
  %slots = load %rt_value*, %rt_value** %0, align 8
  %1 = getelementptr inbounds %rt_value, %rt_value* %slots, i64 1, i32 0
  %call.from.tag = load i32, i32* %1, align 4
  %2 = getelementptr inbounds %rt_value, %rt_value* %slots, i64 1, i32 1
  %call.from.len = load i32, i32* %2, align 4
  %3 = getelementptr inbounds %rt_value, %rt_value* %slots, i64 1, i32 2
  %call.from.bits = load i64, i64* %3, align 8
  %4 = bitcast %rt_value* %v to i8*
  call void @llvm.lifetime.start.p0i8(i64 16, i8* nonnull %4)
  %5 = getelementptr inbounds %rt_value, %rt_value* %v, i64 0, i32 0
  store i32 %call.from.tag, i32* %5, align 8
  %6 = getelementptr inbounds %rt_value, %rt_value* %v, i64 0, i32 1
  store i32 %call.from.len, i32* %6, align 4
  %7 = getelementptr inbounds %rt_value, %rt_value* %v, i64 0, i32 2
  store i64 %call.from.bits, i64* %7, align 8
  call void @rt_tmpl_value(%rt_call* %call, %rt_value* nonnull %v, i32 1)
  call void @llvm.lifetime.end.p0i8(i64 16, i8* nonnull %4)
  %8 = bitcast %rt_value* %v1 to i8*
  call void @llvm.lifetime.start.p0i8(i64 16, i8* nonnull %8)
  %9 = getelementptr inbounds %rt_value, %rt_value* %v1, i64 0, i32 0
  %10 = getelementptr inbounds %rt_value, %rt_value* %v1, i64 0, i32 1
  %11 = getelementptr inbounds %rt_value, %rt_value* %v1, i64 0, i32 2
  %12 = bitcast %rt_value* %v1 to i8*
  call void @llvm.memset.p0i8.i64(i8* noundef nonnull align 8 dereferenceable(16) %12, i8 0, i64 16, i1 false)
  call void @rt_tmpl_end(%rt_call* %call, %rt_value* nonnull %v1)
  %out.tag = load i32, i32* %9, align 8
  %out.len = load i32, i32* %10, align 4
  %out.bits = load i64, i64* %11, align 8
  call void @llvm.lifetime.end.p0i8(i64 16, i8* nonnull %8)
  %13 = bitcast %rt_value* %v2 to i8*
  call void @llvm.lifetime.start.p0i8(i64 16, i8* nonnull %13)
  %14 = getelementptr inbounds %rt_value, %rt_value* %v2, i64 0, i32 0
  store i32 %out.tag, i32* %14, align 8
  %15 = getelementptr inbounds %rt_value, %rt_value* %v2, i64 0, i32 1
  store i32 %out.len, i32* %15, align 4
  %16 = getelementptr inbounds %rt_value, %rt_value* %v2, i64 0, i32 2
  store i64 %out.bits, i64* %16, align 8
  call void @rt_req_url(i8* %req, %rt_value* nonnull %v2)
  call void @llvm.lifetime.end.p0i8(i64 16, i8* nonnull %13)
  %slots3 = load %rt_value*, %rt_value** %0, align 8
  %17 = getelementptr inbounds %rt_value, %rt_value* %slots3, i64 0, i32 0
  %call.id.tag = load i32, i32* %17, align 4
  %18 = getelementptr inbounds %rt_value, %rt_value* %slots3, i64 0, i32 1
  %call.id.len = load i32, i32* %18, align 4
  %19 = getelementptr inbounds %rt_value, %rt_value* %slots3, i64 0, i32 2
  %call.id.bits = load i64, i64* %19, align 8
  %20 = bitcast %rt_value* %v4 to i8*
  call void @llvm.lifetime.start.p0i8(i64 16, i8* nonnull %20)
  %21 = getelementptr inbounds %rt_value, %rt_value* %v4, i64 0, i32 0
  store i32 %call.id.tag, i32* %21, align 8
  %22 = getelementptr inbounds %rt_value, %rt_value* %v4, i64 0, i32 1
  store i32 %call.id.len, i32* %22, align 4
  %23 = getelementptr inbounds %rt_value, %rt_value* %v4, i64 0, i32 2
  store i64 %call.id.bits, i64* %23, align 8
  call void @rt_req_header(i8* %req, i8* getelementptr inbounds ([7 x i8], [7 x i8]* @.str.14, i64 0, i64 0), %rt_value* nonnull %v4)
  call void @llvm.lifetime.end.p0i8(i64 16, i8* nonnull %20)
  ret void
}

declare void @rt_req_header(i8*, i8*, %rt_value*) local_unnamed_addr

; Function Attrs: argmemonly nofree nounwind willreturn writeonly
declare void @llvm.memset.p0i8.i64(i8* nocapture writeonly, i8, i64, i1 immarg) #2

attributes #0 = { mustprogress nofree norecurse nosync nounwind readonly willreturn }
attributes #1 = { argmemonly mustprogress nofree nosync nounwind willreturn }
attributes #2 = { argmemonly nofree nounwind willreturn writeonly }

!0 = !{!"branch_weights", i32 1000, i32 1}
