/// The workshop floor (进车间, 三级检验, 追加维修项目, 竣工): transitions of a signed order.
extension OrderRecord {
    /// Sends the order to a work group (and technician, bay); again with another group splits it.
    /// The first dispatch starts the work. With a bay, the car goes into it — out of the bay it was
    /// in, if another (one car is in one bay at a time) — unless another car is in it, a booking
    /// holds it for a time the car is expected there (until its promised time), or it lacks
    /// equipment the work needs; the last two the dispatcher may override, saying why.
    public func dispatch(group: String, technician: String?, bay placement: BayPlacement?, by: String,
                         at now: Timestamp) throws -> OrderChange {
        try Gate.signed(order)
        guard order.status == .signed || order.status == .inWork else {
            throw OrderRefusal.dispatchOnlySignedOrInWork(order: order.number, status: order.status)
        }
        let first = order.status == .signed
        var updated = order
        if first {
            updated.status = .inWork
            updated.startedAt = now
        }
        var move: BayMove?
        var overridden: (holds: [BayHold], missing: [EquipmentNeed]) = ([], [])
        if let placement, placement.target.bay.id != bayStay?.bayID {
            overridden = try BayRules.check(placement, order: order, now: now)
            move = .enter(bay: placement.target.bay.name, leaving: bayStay)
        }
        let newGroup = !assignments.contains { $0.group == group }
        let moved: Bool
        if case .enter(_, _?) = move { moved = true } else { moved = false }
        let action: JournalAction = first ? .orderDispatch : newGroup ? .orderDispatchSplit : moved ? .orderBayMove : .orderDispatch
        var detail: [(String, JSON)] = [("group", .string(group)), ("tech", .string(technician)),
                                        ("bay", .string(placement?.target.bay.name ?? bayStay?.bay))]
        if case .enter(_, let leaving?) = move { detail.append(("from_bay", .string(leaving.bay))) }
        if !overridden.holds.isEmpty || !overridden.missing.isEmpty {
            detail.append(("override", .string(placement?.override)))
            detail.append(("overridden_holds", .array(overridden.holds.map { .string($0.reference) })))
            detail.append(("overridden_equipment", .array(overridden.missing.map { .string($0.equipment.code) })))
        }
        var change = OrderChange(updated, action, detail)
        change.assignment = Assignment(group: group, technician: technician, bay: placement?.target.bay.name, at: now, by: by)
        change.bayMove = move
        change.overriddenHolds = overridden.holds
        change.overriddenEquipment = overridden.missing
        return change
    }

    /// The car leaves the bay it is in (`bay free`): the work is done there, or it waits elsewhere.
    /// The order stays where it is in the workflow; a later dispatch with a bay puts it in one again.
    public func leaveBay(_ bay: Bay) throws -> OrderChange {
        guard let stay = bayStay, stay.bayID == bay.id else { throw BayRefusal.notOccupied(bay: bay.name) }
        var change = OrderChange(order, .orderBayFree, [("bay", .string(stay.bay))])
        change.bayMove = .leave(stay, .freed)
        return change
    }

    /// The workshop receiver signs for the car, with the time written to ten minutes.
    /// The workshop takes the car (进车间): its receiver signs, a workshop person — the workshop
    /// manager (车间主管, the manager role) or a technician — never the advisor handing it over.
    public func handover(to member: StaffMember, at given: Timestamp?, now: Timestamp) throws -> OrderChange {
        try Gate.signed(order)
        guard member.has(.manager) || member.has(.technician) else {
            throw OrderRefusal.receiverNotWorkshop(order: order.number, name: member.name, roles: member.roles)
        }
        let receiver = member.name
        if let by = order.handoverBy, let at = order.handoverAt {
            throw OrderRefusal.alreadyReceived(order: order.number, by: by, at: at)
        }
        // To the minute, as the job card prints it; never before the customer signed (the car goes
        // to the workshop on the signature), nor after now.
        let at = Timestamp(seconds: (given ?? now).seconds - (given ?? now).seconds % 60)
        let signed = order.signedAt ?? order.checkedInAt
        guard at <= now + 600, at.seconds >= signed.seconds - signed.seconds % 60 else {
            throw OrderRefusal.handoverTime(order: order.number, signedAt: signed)
        }
        var updated = order
        updated.handoverBy = receiver
        updated.handoverAt = at
        return OrderChange(updated, .orderHandover, [("receiver", .string(receiver)), ("at", .string(updated.handoverAt!.iso8601))])
    }

    /// Records an inspection against its checklist. A passed final inspection makes the car ready
    /// and carries the completion certificate's number; a failed one sends it back to work. A pass
    /// is the inspector's word that every item is in order: none may be failed or not checked.
    public func inspect(_ stage: InspectionStage, _ result: InspectionResult, inspector: String,
                        items: [InspectionItem], note: String?,
                        certificate: String?, at now: Timestamp) throws -> OrderChange {
        try Gate.signed(order)
        try Gate.inspection(stage, of: self)
        if result == .notApplicable { throw OrderRefusal.inspectionPassOrFail }
        if result == .pass, let failed = items.first(where: { $0.result == .fail }) {
            if let value = failed.value, let quantity = failed.quantity {
                throw InspectionRefusal.readingOutsideLimits(item: failed.name, code: failed.code, value: value, quantity: quantity)
            }
            throw OrderRefusal.passWithFailedItem(item: failed.name, code: failed.code)
        }
        let unchecked = items.filter { $0.result == .notChecked }
        // A measured item passes by its value only: a pass without it names what to measure.
        let unmeasured = unchecked.filter { $0.quantity != nil }
        if result == .pass, !unmeasured.isEmpty {
            throw InspectionRefusal.passWithoutReadings(stage: stage, items: unmeasured.map { ChecklistEntry(code: $0.code, name: $0.name) })
        }
        if result == .pass, !unchecked.isEmpty {
            throw OrderRefusal.passWithItemsNotChecked(stage: stage, items: unchecked.map { ChecklistEntry(code: $0.code, name: $0.name) })
        }
        // A fail names the item that failed, as a pass names none: a paper with every item 合格 and
        // the conclusion 不合格 says nothing true. Only a stage without a checklist fails on a note.
        if result == .fail && !items.contains(where: { $0.result == .fail }) {
            if !items.isEmpty {
                throw OrderRefusal.failWithoutFailedItem(stage: stage, items: items.map { ChecklistEntry(code: $0.code, name: $0.name) })
            }
            if (note ?? "").isEmpty { throw OrderRefusal.failNeedsReason }
        }
        let issued = stage == .final && result == .pass ? certificate : nil
        var updated = order
        var action = JournalAction(rawValue: "inspection.\(stage.code)")!
        if stage == .final {
            if result == .pass {
                updated.status = .ready
                action = .orderReady
            } else {
                updated.status = .inWork
                updated.completedAt = nil
                action = .orderRework
            }
        }
        var detail: [(String, JSON)] = [
            ("stage", .string(stage.code)), ("result", .string(result.code)), ("inspector", .string(inspector)),
            ("certificate", .string(issued)), ("note", .string(note)),
            ("failed_items", .array(items.filter { $0.result == .fail }.map { .string($0.code) })),
            ("unchecked_items", .array(unchecked.map { .string($0.code) })),
        ]
        let readings = items.compactMap { item in item.value.map { (item.code, JSON.string($0.description)) } }
        if !readings.isEmpty { detail.append(("readings", .object(readings))) }
        var change = OrderChange(updated, action, detail)
        change.inspection = Inspection(id: 0, stage: stage, result: result, inspector: inspector, at: now, note: note,
                                       certificate: issued, items: items)
        return updated.status == .ready ? change.leavingBay(of: self, .ready) : change
    }

    /// The workshop reports added work while the car is in it; the customer's answer decides.
    public func addSupplement(_ line: OrderLine, reason: String, reportedBy: String, at now: Timestamp) throws -> OrderChange {
        try Gate.signed(order)
        guard order.status == .signed || order.status == .inWork else {
            throw OrderRefusal.supplementOnlyInWorkshop(order: order.number, status: order.status)
        }
        var added = line.numbered(nextLineNumber)
        added.status = .proposed
        added.covered = false
        var change = OrderChange(order, .supplementAdd, [("line", .int(added.number)), ("reason", .string(reason))] + added.journalDetail)
        change.newLines = [added]
        change.supplement = Supplement(line: added.number, reason: reason, reportedBy: reportedBy, reportedAt: now)
        return change
    }

    /// Records the customer's answer to an added item, once: approved or declined, by whom, how,
    /// which workshop person was told, and the new promised time if there is one.
    public func answerSupplement(_ number: Int, approved: Bool, via: Channel, customer: String, told: String,
                                 promise: Timestamp?, recordedBy: String, at now: Timestamp) throws -> OrderChange {
        guard var supplement = supplements.first(where: { $0.line == number }) else {
            throw OrderRefusal.noSuchSupplement(order: order.number, given: number, supplements: supplements.map(\.line))
        }
        if let answer = supplement.answer {
            throw OrderRefusal.supplementAlreadyAnswered(order: order.number, line: number, answer: answer,
                                                        by: supplement.answeredBy ?? "", via: supplement.via, at: supplement.answeredAt)
        }
        try Gate.open(order)
        var updated = order
        if let promise {
            try Gate.promise(promise, checkedIn: order.checkedInAt, now: now)
            supplement.promiseWas = order.promisedAt
            supplement.promiseNow = promise
            updated.promisedAt = promise
        }
        supplement.answer = approved ? .approved : .declined
        supplement.via = via
        supplement.answeredBy = customer
        supplement.told = told
        supplement.answeredAt = now
        supplement.recordedBy = recordedBy
        var line = try self.line(number)
        line.status = supplement.answer!
        var change = OrderChange(updated, .supplementAnswer, [
            ("line", .int(number)), ("answer", .string(supplement.answer!.code)), ("via", .string(via.code)),
            ("customer", .string(customer)), ("told", .string(told)),
            ("promised_at", .string(promise?.iso8601)), ("promise_was", .string(supplement.promiseWas?.iso8601)),
        ])
        change.changedLines = [line]
        change.supplement = supplement
        return change
    }

    public func reportProgress(_ percent: Int, note: String?, by: String, at now: Timestamp) throws -> OrderChange {
        try Gate.signed(order)
        guard order.status == .inWork else { throw OrderRefusal.progressOnlyInWork(order: order.number, status: order.status) }
        var change = OrderChange(order, .orderProgress, [("percent", .int(percent)), ("note", .string(note))])
        change.progress = ProgressReport(percent: percent, note: note, at: now, by: by)
        return change
    }

    /// The work is done. The car waits for the final inspection where the three are mandatory, and
    /// in every category after a failed final inspection; otherwise it is ready for hand-back.
    public func complete(at now: Timestamp) throws -> OrderChange {
        try Gate.signed(order)
        guard order.status == .inWork else { throw OrderRefusal.completeOnlyInWork(order: order.number, status: order.status) }
        try Gate.supplementsAnswered(self)
        try Gate.stagesBeforeCompletion(self)
        var updated = order
        updated.completedAt = now
        updated.status = order.category.requiresThreeInspections || finalInspection == .failed ? .completed : .ready
        let change = OrderChange(updated, .orderComplete, [("status", .string(updated.status.code))])
        // Ready for hand-back: nothing more is done in the bay, which takes the next car. A car
        // waiting for its final inspection keeps its bay: it is inspected there, and reworked there
        // if it fails.
        return updated.status == .ready ? change.leavingBay(of: self, .ready) : change
    }
}
