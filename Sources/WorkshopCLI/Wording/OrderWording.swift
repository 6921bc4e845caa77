import WorkshopModel

/// The workflow's refusals, in the shop's language: the gate that said no and what to do instead.
extension OrderRefusal: WordedRefusal {
    func words(_ w: Wording) -> String {
        switch self {
        case .notSigned(let order):
            return w("\(order) 客户尚未签字：派工、施工和检验都须先签字 (approve \(order) signed=\"…\")",
                     "\(order) is not signed: work, dispatch and inspection need the customer's signature first (approve \(order) signed=\"…\")")
        case .closed(let order, let status):
            return w("\(order) \(status.chinese)，已关闭，不能再更改", "\(order) is \(status.english) and closed: it can no longer change")
        case .alreadySigned(let order):
            return w("\(order) 已签字", "\(order) is already signed")
        case .signedNeedsReopen(let order):
            return w("\(order) 已签字：未经客户不能更改项目。请先重开 (reopen \(order) reason=\"…\")，留有记录，改后请客户重新签字",
                     "\(order) is signed: its lines cannot change without the customer. Reopen it first (reopen \(order) reason=\"…\"), which is recorded, then have it signed again")
        case .workUsesSupplements(let order, let status):
            return w("\(order) \(status.chinese)：新增项目须作为追加项目经客户确认 (supplement \(order) add …)",
                     "\(order) is \(status.english): added work goes through the customer as a supplement (supplement \(order) add …)")
        case .alreadyInShop(let plate, let order, let at, let status):
            return w("\(plate) 已在厂，维修单 \(order)（\(w.time(at)) 接车，\(status.chinese)）：请在该单上操作 (ro show \(order))",
                     "\(plate) is already in the shop under \(order) (checked in \(w.time(at)), \(status.english)): work on that order (ro show \(order))")
        case .inAtAnotherSite(let plate, let order, let site, let at, let status):
            return w("\(plate) 已在 \(site) 进厂，维修单 \(order)（\(w.time(at)) 接车，\(status.chinese)）：由 \(site) 处理，交车后才能在本店接车 (ro show \(order))",
                     "\(plate) is in at \(site) under \(order) (checked in \(w.time(at)), \(status.english)): \(site) works on it, and it can be checked in here once \(site) has released it (ro show \(order))")
        case .alreadyReleased(let order, let at, let to):
            return w("\(order) 已于 \(w.time(at)) 交车，签收人 \(to)", "\(order) was released at \(w.time(at)) to \(to)")
        case .odometerBelowLast(let reading, let plate, let last):
            return w("里程 \(reading) km 低于 \(plate) 上次记录的 \(last) km：请重新读表。如上次读数有误（或更换过仪表），先更正：vehicle odometer \(plate) \(reading) reason=\"…\"（留有记录）",
                     "odometer \(reading) km is below \(plate)'s last reading of \(last) km: re-read the dashboard. If the last reading was wrong (or the cluster was replaced), correct it first: vehicle odometer \(plate) \(reading) reason=\"…\" (recorded)")
        case .nothingToSign(let order):
            return w("\(order) 没有可签字的报价项目：请先添加 (estimate \(order) labor|part|fee …)",
                     "\(order) has no estimate lines to sign: add them first (estimate \(order) labor|part|fee …)")
        case .noPromise(let order):
            return w("\(order) 还没有约定交车时间：签字前请设定 (promise \(order) 明天 17:00)",
                     "\(order) has no promised completion time: set it before the customer signs (promise \(order) tomorrow 17:00)")
        case .promiseNotAhead(let promised, let now):
            return w("交车时间 \(w.time(promised)) 不在将来（现在 \(w.time(now))）：请约定一个能做到、留有余量的时间",
                     "the promised time \(w.time(promised)) is not in the future (now \(w.time(now))): promise a time the shop can keep, with margin")
        case .declineNeedsReopen(let order):
            return w("\(order) 已签字：客户撤回的话请先重开 (reopen \(order) reason=\"…\")",
                     "\(order) is signed: reopen it first (reopen \(order) reason=\"…\") if the customer withdraws")
        case .declineOnlyEstimate(let order, let status):
            return w("\(order) \(status.chinese)：只有未签字的报价可以拒修", "\(order) is \(status.english): only an estimate not yet signed can be declined")
        case .reopenNotSigned(let order):
            return w("\(order) 尚未签字：可直接修改", "\(order) is not signed: it can be edited as it is")
        case .reopenOnlySigned(let order, let status):
            guard [.inWork, .completed, .ready].contains(status) else {
                return w("\(order) \(status.chinese)：只有已签字、尚未进车间的单可以重开",
                         "\(order) is \(status.english): only a signed order not yet in the workshop can be reopened")
            }
            return w("\(order) \(status.chinese)：车已进车间，不能重开；新增项目作为追加项目请客户确认 (supplement \(order) add …)",
                     "\(order) is \(status.english): the car is in the workshop, so it cannot be reopened; added work goes to the customer as a supplement (supplement \(order) add …)")
        case .receiverNotWorkshop(let order, let name, let roles):
            return w("\(name) 是\(roles.map(\.chinese).joined(separator: "、"))：\(order) 的车间接车人应是车间主管（经理）或技师",
                     "\(name) is \(roles.map(\.english).joined(separator: ", ")): the workshop receiver of \(order) is the workshop manager or a technician")
        case .reopenInWorkshop(let order, let by, let at):
            return w("\(order) 已于 \(w.time(at)) 由 \(by) 接入车间，不能重开；新增项目作为追加项目请客户确认 (supplement \(order) add …)",
                     "\(order) went into the workshop at \(w.time(at)), received by \(by): it cannot be reopened; added work goes to the customer as a supplement (supplement \(order) add …)")
        case .reopenPaid(let order, let paid):
            return w("\(order) 已收款 \(paid.grouped)，不能重开：客户付款的内容不再退回报价；新增项目作为追加项目请客户确认 (supplement \(order) add …)，如须退款用 refund",
                     "\(order) has \(paid.grouped) paid on it: it cannot be reopened, since what the customer paid for does not go back to an estimate; added work goes to the customer as a supplement (supplement \(order) add …), and money back is a refund")
        case .declineFeeAboveRecord(let order, let given, let onRecord):
            let recorded = onRecord.fen > 0 ? w("估价单上的检测估价费为 \(onRecord.grouped)", "the fee on the estimate is \(onRecord.grouped)")
                                           : w("估价单上没有检测估价费", "there is no fee on the estimate")
            return w("\(order) 拒修只收客户看过的费用：\(recorded)，不能收 \(given.grouped)；更高的费用须先列在估价单上让客户看到（diagnose \(order) \"…\" fee=…）",
                     "\(order): a decline charges only the fee the customer was shown: \(recorded), not \(given.grouped); a higher fee is put on the estimate first, where the customer sees it (diagnose \(order) \"…\" fee=…)")
        case .declineFeeWaiverNeedsManager(let order, let given, let onRecord):
            return w("\(order) 估价单上的检测估价费为 \(onRecord.grouped)：减免为 \(given.grouped) 须经理批准（authorized=经理姓名，经理本人输入 PIN）",
                     "\(order): the fee on the estimate is \(onRecord.grouped): waiving it down to \(given.grouped) needs a manager's authorisation (authorized=NAME of a manager, who confirms with their PIN)")
        case .noSuchLine(let order, let given, let lines):
            return w("\(order) 没有第 \(given) 项" + (lines.isEmpty ? "" : "；现有项目：\(lines.map(String.init).joined(separator: ", "))"),
                     "\(order) has no line \(given)" + (lines.isEmpty ? "" : "; its lines are \(lines.map(String.init).joined(separator: ", "))"))
        case .nothingToChange(let order, let kind):
            return w("\(order)：没有要修改的内容（\(kind.chinese)项可改：\(changeable(kind))）",
                     "\(order): nothing to change for a \(kind.english) line (it takes: \(changeable(kind)))")
        case .coveredNotComeback(let order):
            return w("covered=yes 只用于质保期内返修；\(order) 不是返修单（如属返修，先关联：ro set \(order) rework=单号/项号 cause=\"…\"）",
                     "covered=yes is for a warranty comeback; \(order) is not one (if it is, link it first: ro set \(order) rework=RO/LINE cause=\"…\")")
        case .unknownLaborOperation(let code):
            return w("没有工时代码 \(code)：labor list 列出工时定额", "no labour operation \(code): labor list shows the 工时定额")
        case .laborNeedsHours(let code?):
            return w("没有工时代码 \(code)（labor list 列出工时定额）；如要直接描述工作，请加 hours=，如 hours=1.5",
                     "no labour operation \(code) (labor list shows the 工时定额); to describe the work instead, add hours=, e.g. hours=1.5")
        case .laborNeedsHours(nil):
            return w("estimate labor：缺少 hours=，如 hours=1.5（或用 labor list 中的工时代码）",
                     "estimate labor: hours= is missing, e.g. hours=1.5 (or use a code from labor list)")
        case .partNeedsPrice:
            return w("配件：缺少 price=，如 price=360（单价，元）", "estimate part: price= is missing, e.g. price=360 (unit price in yuan)")
        case .partPriceZero(let given):
            return w("price=\(given.plain)：配件单价须大于零（只有客户自带配件 class=customer 可以为零）",
                     "price=\(given.plain): a part's price must be above zero (only a customer-supplied part, class=customer, may be free)")
        case .declineUnknownLines(_, let given, let offered):
            return w("decline=：第 \(given) 项不是待签字的项目；待签字的是 \(offered.map(String.init).joined(separator: ", "))",
                     "decline=: \(given) is not a line waiting for signature; those are \(offered.map(String.init).joined(separator: ", "))")
        case .declineEveryLine(let order):
            return w("decline= 拒绝了全部项目：客户整单拒修请用 decline \(order) [fee=…]",
                     "decline= declines every line: if the customer declines the whole estimate, use decline \(order) [fee=…]")
        case .odometerImplausible(let reading, let plate, let last, let lastAt, let days, let limit):
            return w("里程 \(reading) km 不合常理：\(plate) 上次读数 \(last) km（\(w.time(lastAt))），按每天最多 2000 km 计，\(days) 天内至多 \(limit) km。请重新读表；读数确实无误请加 confirm-odometer=yes（留有记录）",
                     "odometer \(reading) km is beyond the plausible: \(plate) last read \(last) km (\(w.time(lastAt))), and at 2,000 km a day it reaches at most \(limit) km in \(days) day\(days == 1 ? "" : "s"). Re-read the dashboard; if the reading is right, add confirm-odometer=yes (recorded)")
        case .odometerAfterSigning(let order, let status):
            return w("\(order) \(status.chinese)：进厂里程只能在签字前更正", "\(order) is \(status.english): the check-in odometer can be corrected only before signing")
        case .odometerBelowCorrection(let reading, let corrected, let plate):
            return w("\(plate) 的里程在接车后已更正为 \(corrected) km（留有记录）：不能用 ro set 改低到 \(reading) km；如更正有误，请经理更正：vehicle odometer \(plate) \(reading) reason=\"…\" authorized=经理",
                     "\(plate)'s reading was corrected on record to \(corrected) km since check-in: ro set does not take it down to \(reading) km; if that correction was wrong, a manager corrects it: vehicle odometer \(plate) \(reading) reason=\"…\" authorized=MANAGER")
        case .odometerBelowEarlierOrder(let reading, let earlier):
            return w("里程 \(reading) km 低于此车在本单接车前的读数 \(earlier) km：请重新读表，或先更正车辆里程 (vehicle odometer 车牌 公里数 reason=\"…\")",
                     "odometer \(reading) km is below this vehicle's reading of \(earlier) km before this check-in: re-read the dashboard, or correct the vehicle first (vehicle odometer PLATE KM reason=\"…\")")
        case .nothingToCorrect(let order):
            return w("ro set \(order)：没有要更正的内容（可改 complaint、category、payer、by、phone、fuel、odometer，或以 rework= cause= 关联返修）",
                     "ro set \(order): nothing to change (it takes complaint, category, payer, by, phone, fuel, odometer, or rework= cause= to link a comeback)")
        case .categoryAfterSigning(let order, let status):
            return w("\(order) \(status.chinese)：维修类别决定检验和质保，签字后不能更改（如确需更改，请先重开 reopen \(order) reason=…）",
                     "\(order) is \(status.english): the category decides the inspections and the warranty, so it cannot change after signing (reopen \(order) reason=… first if it must)")
        case .complaintAfterSigning(let order, let status):
            return w("\(order) \(status.chinese)：故障描述是客户签字的内容，签字后不能改写；后来发现的情况请记为追加诊断（diagnose \(order) \"…\"），或先重开 reopen \(order) reason=…",
                     "\(order) is \(status.english): the complaint is what the customer signed and cannot be rewritten after signing; record what was found later as a finding (diagnose \(order) \"…\"), or reopen \(order) reason=… first")
        case .payerAfterSigning(let order, let status):
            return w("\(order) \(status.chinese)：付款方是客户签字的内容，签字后不能更改（如确需更改，请先重开 reopen \(order) reason=…）",
                     "\(order) is \(status.english): who pays is part of what the customer signed and cannot change after signing (reopen \(order) reason=… first if it must)")
        case .payerHasMemberValue(let order, let memberPriced, let covered, let cardPaid):
            var zh: [String] = [], en: [String] = []
            if !memberPriced.isEmpty {
                zh.append("第 \(memberPriced.map(String.init).joined(separator: "、")) 项按会员价报价（删除后重新报价）")
                en.append("line \(memberPriced.map(String.init).joined(separator: ", ")) at a member's price (remove and enter again)")
            }
            if !covered.isEmpty {
                zh.append("第 \(covered.map(String.init).joined(separator: "、")) 项由会员卡抵扣（ro uncover）")
                en.append("line \(covered.map(String.init).joined(separator: ", ")) covered by a card (ro uncover)")
            }
            if cardPaid { zh.append("已用储值卡付款（先退回卡内）"); en.append("paid from a stored-value card (refund it to the card first)") }
            return w("\(order) 不能改付款方：\(zh.joined(separator: "；"))——会员价和会员卡属于付款的客户",
                     "\(order): who pays cannot change: \(en.joined(separator: "; ")) — member prices and cards belong to the customer who pays")
        case .categoryBelowWork(let order, let given, let required, let line, let description):
            return w("\(order) 第 \(line) 项“\(description)”属\(required.chinese)：维修类别不能低于\(required.chinese)（给的是\(given.chinese)）；三级检验和质保期由类别决定",
                     "\(order) line \(line) \"\(description)\" is \(required.english) work: the category cannot be lower than \(required.english) (given: \(given.english)); it decides the three inspections and the warranty")
        case .categoryDowngradeNeedsManager(let order, let from, let to):
            return w("\(order) 由\(from.chinese)改为\(to.chinese)会减少检验、缩短质保期：须经理批准（authorized=经理姓名）",
                     "\(order) from \(from.english) to \(to.english) means fewer inspections and a shorter warranty: a manager must authorise it (authorized=NAME)")
        case .categoryBelowBooking(let booking, let given, let required, let operation):
            return w("预约 \(booking) 的计划项目 \(operation) 属\(required.chinese)：接车类别不能低于\(required.chinese)（给的是\(given.chinese)）",
                     "booking \(booking) plans \(operation), \(required.english) work: the check-in's category cannot be lower than \(required.english) (given: \(given.english))")
        case .belongingRemoveAfterSigning(let order, let status, let item):
            return w("\(order) \(status.chinese)：随车物品清单已经客户签字，不能删除“\(item)”；如找不到，请登记：belongings \(order) missing \(item) reason=…",
                     "\(order) is \(status.english): the customer signed the belongings checklist, so \"\(item)\" cannot be taken off it; if it cannot be found, record it: belongings \(order) missing \(item) reason=…")
        case .damageRemoveAfterSigning(let order, let status, let note):
            return w("\(order) \(status.chinese)：外观检查记录已经客户签字，不能删除第 \(note) 条；如有误，请另记一条说明（damage \(order) \"第\(note)条更正：…\"）",
                     "\(order) is \(status.english): the customer signed the visual check, so damage note \(note) cannot be removed; if it is wrong, add a note saying so (damage \(order) \"note \(note) corrected: …\")")
        case .missingBeforeSigning(let order, let item):
            return w("\(order) 尚未签字：清单写错的物品直接删除 (belongings \(order) remove \(item))",
                     "\(order) is not signed yet: an item put on the checklist by mistake is taken off (belongings \(order) remove \(item))")
        case .missingCountNotOut(let order, let item, let given, let out):
            let found = out - given
            let first = found > 0 ? w("先清点交还找到的 \(found) 件（belongings \(order) return \(item)x\(found)），", "check the \(found) found back first (belongings \(order) return \(item)x\(found)), ")
                : ""
            return w("\(order) 的“\(item)”还有 \(out) 件未交还，登记未找到的是全部未交还的：\(first)再登记 belongings \(order) missing \(item) reason=…",
                     "\(order): \(out) of \"\(item)\" are still out, and missing marks all that are still out: \(first)then belongings \(order) missing \(item) reason=…")
        case .missingButBack(let order, let item):
            return w("\(order) 的“\(item)”已清点交还，不是未找到", "\(order): \"\(item)\" was checked back; it is not missing")
        case .missingAlreadyMarked(let order, let item, let by, let at):
            return w("\(order) 的“\(item)”已由 \(by) 于 \(w.time(at)) 登记为未找到", "\(order): \"\(item)\" was marked missing by \(by) at \(w.time(at))")
        case .customerPartPriced(let given):
            return w("客户自带配件不收配件费（price=\(given.plain)）：如要收取安装工时，请另加工时项", "a customer-supplied part is not charged for (price=\(given.plain)): charge the fitting as labour")
        case .dispatchOnlySignedOrInWork(let order, let status):
            return w("\(order) \(status.chinese)：派工只用于已签字或维修中的单", "\(order) is \(status.english): dispatch is for a signed order or one in work")
        case .alreadyReceived(let order, let by, let at):
            return w("\(order) 已由 \(by) 于 \(w.time(at)) 接车", "\(order) was already received by \(by) at \(w.time(at))")
        case .handoverTime(let order, let signedAt):
            return w("\(order)：车间接车时间应在客户签字（\(w.time(signedAt))）之后、现在之前",
                     "\(order): the hand-over happened between the customer's signature (\(w.time(signedAt))) and now")
        case .inspectionNeedsWorkshop(let order, let status):
            return w("\(order) \(status.chinese)：检验只针对已签字、在车间的单", "\(order) is \(status.english): inspections are for a signed order in the workshop")
        case .inspectionBeforeFinish(let order, let status, let stage):
            return w("\(order) \(status.chinese)：\(stage.chinese)应在完工前进行", "\(order) is \(status.english): the \(stage.english) is done before the work is finished")
        case .processNeedsDispatch(let order):
            return w("\(order) 尚未开工：请先派工 (dispatch \(order) group=…)", "\(order) is not in work yet: dispatch it first (dispatch \(order) group=…)")
        case .finalAfterCompletion(let order, let status):
            return w("\(order) \(status.chinese)：竣工检验在完工之后 (complete \(order))",
                     "\(order) is \(status.english): the final inspection comes after the work is completed (complete \(order))")
        case .inspectionsInOrder(let order, let category, let previous):
            return w("\(order) 为\(category.chinese)：三级检验须依次进行，\(previous.chinese)尚未合格",
                     "\(order) is \(category.chinese) (\(category.english)): the three inspections go in order, and the \(previous.english) (\(previous.chinese)) has not passed yet")
        case .finalAlreadyPassed(let order, let certificate):
            return w("\(order) 竣工检验已合格（合格证 \(certificate)）", "\(order) has passed its final inspection already (certificate \(certificate))")
        case .passWithFailedItem(let item, let code):
            return w("项目 \(item)（\(code)）不合格：检验不能判合格；请记为 fail，并注明返工内容",
                     "item \(item) (\(code)) failed: the inspection cannot pass; record it as fail, with a note of what to rework")
        case .passWithItemsNotChecked(let stage, let items):
            let zh = items.map { "\($0.code)（\($0.name)）" }.joined(separator: "、")
            let en = items.map { "\($0.code) (\($0.name))" }.joined(separator: ", ")
            let first = items.first?.code ?? "item"
            return w("\(stage.chinese)判合格须逐项有结果，未写明：\(zh)。请逐项写明（如 \(first)=pass），或其余各项均合格时写 rest=pass",
                     "a passed \(stage.english) needs a result for every item; not given: \(en). Name each (\(first)=pass), or rest=pass when all the others passed")
        case .inspectionPassOrFail:
            return w("检验结论只有合格或不合格；na 只用于单个项目", "an inspection passes or fails; n/a is only for single items")
        case .failWithoutFailedItem(let stage, let items):
            let zh = items.map { "\($0.code)（\($0.name)）" }.joined(separator: "、")
            let en = items.map { "\($0.code) (\($0.name))" }.joined(separator: ", ")
            let first = items.first?.code ?? "item"
            return w("\(stage.chinese)不合格须写明哪一项不合格：标出该项（如 \(first)=fail），不能各项都合格；可标的项目：\(zh)",
                     "a failed \(stage.english) says what failed: mark the item (e.g. \(first)=fail), never every item passed; the items: \(en)")
        case .failNeedsReason:
            return w("不合格须写明原因：标出项目（如 brakes=fail）或加 note=\"…\"",
                     "a failed inspection says what failed: mark the item (e.g. brakes=fail) or add note=\"…\"")
        case .progressOnlyInWork(let order, let status):
            return w("\(order) \(status.chinese)：进度只在维修中报告", "\(order) is \(status.english): progress is reported while it is in work")
        case .completeOnlyInWork(let order, let status):
            return w("\(order) \(status.chinese)：只有维修中的单可以报完工", "\(order) is \(status.english): only an order in work can be completed")
        case .supplementAwaitsAnswer(let order, let line):
            return w("\(order) 追加项目 \(line) 仍待客户答复：请先记录 (supplement \(order) \(line) approve|decline …)",
                     "added item \(line) of \(order) still waits for the customer's answer: record it first (supplement \(order) \(line) approve|decline …)")
        case .stageNotPassed(let order, let category, let stage):
            return w("\(order) 为\(category.chinese)：\(stage.chinese)尚未合格，不能报完工",
                     "\(order) is \(category.chinese): the \(stage.english) (\(stage.chinese)) has not passed, so the work cannot be completed")
        case .supplementOnlyInWorkshop(let order, let status):
            return w("\(order) \(status.chinese)：追加项目在车辆维修期间报告", "\(order) is \(status.english): added work is reported while the car is in the workshop")
        case .noSuchSupplement(let order, let given, let items):
            return w("\(order) 没有追加项目 \(given)" + (items.isEmpty ? "" : "；追加项目为 \(items.map(String.init).joined(separator: ", "))"),
                     "\(order) has no added item \(given)" + (items.isEmpty ? "" : "; its added items are \(items.map(String.init).joined(separator: ", "))"))
        case .supplementAlreadyAnswered(let order, let line, let answer, let by, let via, let at):
            return w("\(order) 追加项目 \(line) 的答复已记录：\(answer.chinese)，\(by)，\(via?.chinese ?? "")，\(w.time(at))",
                     "the answer to \(order) added item \(line) is already recorded: \(answer.english) by \(by) via \(via?.english ?? "") at \(w.time(at))")
        case .discountOnlySigned(let order, let status):
            return w("\(order) \(status.chinese)：优惠只给已签字、尚未交车的单", "\(order) is \(status.english): a discount is given on a signed order before it is released")
        case .discountAboveChargeable(let discount, let chargeable):
            return w("优惠 \(discount.grouped) 超过应收 \(chargeable.grouped)", "a discount of \(discount.grouped) is more than the chargeable \(chargeable.grouped)")
        case .discountNeedsManager(let discount, let share, let limit):
            let percent = FixedPoint.format(share, scale: 2)
            return w("优惠 \(discount.grouped)（\(percent)%）超过不需经理批准的上限 \(limit)%：须经理批准（authorized=经理姓名，经理本人输入 PIN）",
                     "a discount of \(discount.grouped) (\(percent)%) is above the limit of \(limit)% given without a manager: it needs a manager's authorisation (authorized=NAME of a manager, who confirms with their PIN)")
        case .paymentBeforeSignature(let order, let status):
            return w("\(order) \(status.chinese)：客户签字前不收费", "\(order) is \(status.english): nothing is charged before the customer signs")
        case .paymentAboveBalance(let order, let balance) where balance.fen <= 0:
            return w("\(order) 已结清（余额 \(balance.grouped)）：无需再收款", "\(order) is settled (balance \(balance.grouped)): there is nothing to take")
        case .paymentAboveBalance(let order, let balance):
            return w("\(order) 的余额为 \(balance.grouped)：最多收这么多（客户多给现金时写 amount=\(balance.plain) tendered=实收金额，系统算出找零）",
                     "the balance of \(order) is \(balance.grouped): take at most that (for more cash handed over, write amount=\(balance.plain) tendered=WHAT WAS HANDED OVER, and give the change it works out)")
        case .cardPaymentAboveBalance(let order, let balance):
            return w("\(order) 的余额为 \(balance.grouped)：从卡内最多付这么多", "the balance of \(order) is \(balance.grouped): the card pays at most that")
        case .paymentNeedsAmount:
            return w("请写收款金额 amount=…（现金也可只写实收 tendered=…，系统按余额收款并算出找零）",
                     "give the amount paid, amount=… (for cash, tendered=… alone pays what is due and works out the change)")
        case .tenderedOnlyCash(let method):
            return w("tendered= 是客户交来的现金；\(method.chinese)按 amount= 的金额收款，不找零",
                     "tendered= is the cash handed over; \(method.english) pays exactly amount=, with no change")
        case .tenderedBelowAmount(let tendered, let amount):
            return w("实收现金 \(tendered.grouped) 少于收款金额 \(amount.grouped)", "the cash handed over, \(tendered.grouped), is less than the payment of \(amount.grouped)")
        case .paymentAcrossCustomers(let orders, let customers):
            let pairs = zip(orders, customers).map { "\($0) → \($1)" }
            return w("一笔收款只能结同一客户的单：\(w.list(pairs))；请分开收款",
                     "one payment settles orders of one customer only: \(w.list(pairs)); take them apart")
        case .orderNamedTwice(let order):
            return w("\(order) 写了两次", "\(order) is named twice")
        case .nothingDueOn(let order):
            return w("\(order) 没有应收款项：请从这笔收款中去掉", "\(order) has nothing to pay: leave it out of this payment")
        case .nothingToRefund(let order, let balance):
            return w("\(order) 没有多付（余额 \(balance.grouped)）：无需退款", "\(order) is not overpaid (balance \(balance.grouped)): there is nothing to refund")
        case .refundAboveOverpayment(let refund, let overpaid):
            return w("退款 \(refund.grouped) 超过多付的 \(overpaid.grouped)", "the refund \(refund.grouped) is more than the overpayment \(overpaid.grouped)")
        case .refundToAccount:
            return w("退款请用现金、银行卡、微信、支付宝或转账", "a refund goes back by cash, card, WeChat Pay, Alipay or transfer")
        case .releaseBlocked(let order, let blockers):
            return w("\(order) 还不能交车：", "\(order) cannot be released yet:") + blockers.map { "\n  - " + $0.words(w, order: order) }.joined()
        case .returnWhenClosed(let order, let status):
            return w("\(order) \(status.chinese)，已关闭", "\(order) is \(status.english) and closed")
        case .nothingNamedToReturn:
            return w("请写明清点交还的物品、key 或 all", "name the items checked back, key, or all")
        case .returnMoreThanOut(let order, let item, let given, let out, let count):
            if out == 0 {
                return w("\(order) 的\(item)（共 \(count) 件）已全部清点交还", "\(order): all \(count) of \(item) are already checked back")
            }
            return w("\(order) 的\(item)尚未交还 \(out) 件（共 \(count) 件），不能清点 \(given) 件",
                     "\(order): \(out) of \(item) still out (of \(count)); \(given) cannot be checked back")
        case .reworkReference(let given):
            return w("rework=\(given)：写原维修单号，知道的话加项号：rework=RO12 或 rework=RO12/3",
                     "rework=\(given): write the original order, and its line if known: rework=RO12 or rework=RO12/3")
        case .reworkOtherVehicle(let given, let plate):
            return w("rework=\(given)：不是 \(plate) 的维修单", "rework=\(given): that is not an order of \(plate)")
        case .reworkNeverReleased(let order):
            return w("\(order) 从未交车，没有质量保证期", "\(order) was never released, so it has no warranty")
        case .reworkNeedsCause:
            return w("返修须记录原因：加 cause=\"…\"（什么失效了，如 cause=\"刹车片安装不到位\"）",
                     "a comeback records its cause: add cause=\"…\" (what failed, e.g. cause=\"刹车片安装不到位\")")
        case .reworkLineNotCovered(let order, let line, let plate):
            return w("\(order) 第 \(line) 项现在不在保修期内（已过期、不保修或客户自带）：warranty \(plate) 查看保修项目",
                     "\(order) line \(line) is not under warranty now (ended, never covered, or customer-supplied): warranty \(plate) shows what is")
        case .reworkNothingCovered(let order, let plate):
            return w("\(order) 现在没有在保修期内的项目：warranty \(plate) 查看保修项目", "nothing of \(order) is under warranty now: warranty \(plate) shows what is")
        case .causeWithoutRework:
            return w("cause= 与 rework=单号[/项号] 一起用：记录原修理为何失效", "cause= goes with rework=RO[/LINE]: it records why the earlier repair failed")
        case .comebackAlreadyLinked(let order, let of):
            return w("\(order) 已关联为 \(of) 的返修", "\(order) is already linked as a comeback of \(of)")
        case .delayNeedsNewPromise(let order, let promised):
            return w("延误通知须给出新的交车时间：notify \(order) kind=delay reason=\"…\" promise=新时间" + (promised.map { "（原定 \(w.time($0))）" } ?? "") + "；新时间记为此单的交车时间",
                     "a delay notice gives the new promised time: notify \(order) kind=delay reason=\"…\" promise=NEW-TIME" + (promised.map { " (promised now: \(w.time($0)))" } ?? "") + "; it becomes the order's promise")
        case .delayNotLater(_, let given, let promised):
            return w("promise=\(w.time(given)) 不晚于原定交车时间 \(w.time(promised))：延误通知的新时间须晚于原定时间",
                     "promise=\(w.time(given)) is not later than the promised \(w.time(promised)): a delay's new time is later than the old one")
        case .delayWhenReady(let order):
            return w("\(order) 已竣工待交车，没有延误：请发取车通知 (notify \(order) kind=ready)",
                     "\(order) is ready for hand-back, not delayed: send the ready message (notify \(order) kind=ready)")
        case .voidSignedNeedsReopen(let order):
            return w("\(order) 已签字：客户签过的单不能直接作废。如确系误开且尚未进车间，先重开 (reopen \(order) reason=\"…\")，再作废",
                     "\(order) is signed: an order the customer signed is not voided as it stands. If it was opened by mistake and is not in the workshop yet, reopen it first (reopen \(order) reason=\"…\"), then void it")
        case .voidOnlyUnsigned(let order, let status):
            return w("\(order) \(status.chinese)：车间已经接手，不能作废；只有未签字的单可以作废",
                     "\(order) is \(status.english): the workshop has it, so it cannot be voided; only an unsigned order can be")
        case .voidPaid(let order, let paid):
            return w("\(order) 已收款 \(paid.grouped)：收过款的单不能作废", "\(order) has payments of \(paid.grouped) on it: an order with money on it is not voided")
        case .voidPartsIssued(let order, let lines):
            return w("\(order) 第 \(lines.map(String.init).joined(separator: ", ")) 项的配件已出库：先删除这些项目，配件退回货架 (estimate \(order) remove 项号)，再作废",
                     "parts of \(order) line \(lines.map(String.init).joined(separator: ", ")) are off the shelf: remove those lines first, which puts the parts back (estimate \(order) remove LINE), then void it")
        case .noOwner(let plate):
            return w("\(plate) 没有登记车主", "\(plate) has no owner on file")
        case .batteryNeeded(let plate):
            return w("\(plate) 是电动车：接车记录电量 battery=百分比（如 battery=80），不记油量",
                     "\(plate) is electric: check-in records its battery, battery=PERCENT (e.g. battery=80), not fuel")
        case .fuelOnElectric(let plate):
            return w("\(plate) 是电动车，没有油量：请写电量 battery=百分比", "\(plate) is electric and has no fuel gauge: give battery=PERCENT")
        case .fuelNeeded(let plate):
            return w("请写油量 fuel=E|1/4|1/2|3/4|F（如 \(plate) 是电动车，先登记：vehicle set \(plate) fuel=electric，再写 battery=）",
                     "give the fuel level, fuel=E|1/4|1/2|3/4|F (if \(plate) is electric, record it first: vehicle set \(plate) fuel=electric, then battery=)")
        case .bookingOtherVehicle(let booking):
            return w("appointment=\(booking) 是另一辆车的预约", "appointment=\(booking) is for another vehicle")
        case .bookingNotActive(let booking, let status):
            return w("\(booking) \(status.chinese)：请不带预约接车，或重新预约", "\(booking) is \(status.english): check the car in without it, or book again")
        case .noSuchDamageNote(let order, let given, let count):
            return w("\(order) 没有第 \(given) 条损伤记录（共 \(count) 条，见 ro show）", "\(order) has no damage note \(given) (it has \(count), as ro show lists them)")
        }
    }

    private func changeable(_ kind: LineKind) -> String {
        switch kind {
        case .labor: return "desc, hours, rate"
        case .part: return "desc, qty, price, partno, brand, class, warranty"
        case .fee: return "desc, amount"
        }
    }
}

extension ReleaseBlocker {
    /// One thing missing before the hand-back, saying how to put it right.
    func words(_ w: Wording, order: String) -> String {
        switch self {
        case .finalInspectionPending:
            return w("竣工检验尚未合格（未达标准不准出厂）：inspect \(order) final pass by=…",
                     "the final inspection has not passed (未达标准不准出厂): inspect \(order) final pass by=…")
        case .finalInspectionFailed(.completed):
            return w("最近一次竣工检验不合格：返工已完工，须再次竣工检验合格方可出厂（inspect \(order) final …）",
                     "the latest final inspection failed: the rework is done, and a new final inspection must pass before the car leaves (inspect \(order) final …)")
        case .finalInspectionFailed:
            return w("最近一次竣工检验不合格：返工完成后须再次检验合格方可出厂（complete \(order)，再 inspect \(order) final …）",
                     "the latest final inspection failed: after the rework a later one must pass before the car leaves (complete \(order), then inspect \(order) final …)")
        case .notFinished(let status):
            return w("此单\(status.chinese)：维修尚未完成（complete \(order)，再做竣工检验）",
                     "the order is \(status.english): the work is not finished (complete \(order), then the final inspection)")
        case .balanceDue(let money):
            return w("尚有余额 \(money.grouped) 未付：pay \(order) amount=\(money.plain) method=…（挂账客户用 method=account）",
                     "a balance of \(money.grouped) is unpaid: pay \(order) amount=\(money.plain) method=… (or method=account for an account customer)")
        case .refundDue(let money):
            return w("客户多付了 \(money.grouped)：refund \(order) amount=\(money.plain) method=…",
                     "the customer overpaid \(money.grouped): refund \(order) amount=\(money.plain) method=…")
        case .belongingsNotReturned(let names):
            return w("随车物品尚未清点交还：\(w.list(names))（belongings \(order) return …）",
                     "belongings not yet checked back: \(w.list(names)) (belongings \(order) return …)")
        case .keyNotReturned(let tag):
            return w("挂钩 \(tag) 上的钥匙尚未交还（belongings \(order) return key）", "the key on hook \(tag) is not handed back (belongings \(order) return key)")
        case .odometerBelowCheckIn(let given, let checkIn):
            return w("出厂里程 \(given) km 低于进厂里程 \(checkIn) km", "release odometer \(given) km is below the check-in reading \(checkIn) km")
        case .odometerBelowCorrected(let given, let corrected):
            return w("出厂里程 \(given) km 低于接车后更正的里程 \(corrected) km", "release odometer \(given) km is below the reading corrected since check-in, \(corrected) km")
        case .odometerImplausible(let given, let last, let lastAt, let limit):
            return w("出厂里程 \(given) km 不合常理：上次读数 \(last) km（\(w.time(lastAt))），按每天最多 2000 km 计至多 \(limit) km；读数无误请加 confirm-odometer=yes（留有记录）",
                     "release odometer \(given) km is beyond the plausible: last read \(last) km (\(w.time(lastAt))), at 2,000 km a day at most \(limit) km; if it is right, add confirm-odometer=yes (recorded)")
        case .oldPartsUndecided:
            return w("请说明换下的旧件如何处理：oldparts=returned（交还客户）或 oldparts=left（留厂处理）",
                     "say what happens to the replaced parts: oldparts=returned (to the customer) or oldparts=left (left to the shop)")
        }
    }
}

extension FloorRefusal: WordedRefusal {
    func words(_ w: Wording) -> String {
        switch self {
        case .noSuchGroup(let group, let groups):
            return w("没有班组 \(group)；班组：" + (groups.isEmpty ? "暂无（staff add 姓名 role=technician group=…）" : groups.joined(separator: ", ")),
                     "there is no work group \(group); groups: " + (groups.isEmpty ? "none yet (staff add NAME role=technician group=…)" : groups.joined(separator: ", ")))
        case .technicianInOtherGroup(let name, let group, let dispatched):
            return w("\(name) 属于 \(group ?? "—")，不是 \(dispatched)：请派给该班组，或指定 \(dispatched) 的技师",
                     "\(name) works in group \(group ?? "—"), not \(dispatched): dispatch to that group, or name a technician of \(dispatched)")
        case .noSuchBay(let bay, let bays):
            return w("没有工位 \(bay)；工位：\(bays.joined(separator: ", "))", "there is no bay \(bay); bays: \(bays.joined(separator: ", "))")
        case .groupNeeded(let order, let groups):
            return w("\(order) 首次派工须写班组：group=…（班组：\(groups.isEmpty ? "暂无" : groups.joined(separator: ", "))）",
                     "the first dispatch of \(order) names its work group: group=… (groups: \(groups.isEmpty ? "none yet" : groups.joined(separator: ", ")))")
        case .notOnChecklist(let item, let stage, let items):
            return w("\(item) 不是\(stage.chinese)的检验项目；项目：\(items.joined(separator: ", "))",
                     "\(item) is not an item of the \(stage.english) checklist; items: \(items.joined(separator: ", "))")
        }
    }
}

extension InspectionRefusal: WordedRefusal {
    func words(_ w: Wording) -> String {
        switch self {
        case .notMeasured(let item, let code, let given):
            return w("\(code)=\(given)：\(item)不是测量项目，请写 pass、fail 或 na（测量项目用 checkitem add … unit= 定义）",
                     "\(code)=\(given): \(item) is not a measured item; write pass, fail or na (a measured item is defined with checkitem add … unit=)")
        case .readingNeeded(let item, let code, let unit):
            return w("\(item)（\(code)）是测量项目：请写测得值（如 \(code)=72\(unit)），超出限值即不合格；未测量的写 fail 或 na",
                     "\(item) (\(code)) is measured: write the value read (e.g. \(code)=72\(unit)); outside its limits it fails; not measured: fail or na")
        case .notAReading(let item, let code, let given, let unit):
            return w("\(code)=\(given)：\(item)须写数值\(unit.isEmpty ? "" : "（单位 \(unit)）")，或 fail、na",
                     "\(code)=\(given): \(item) takes a number\(unit.isEmpty ? "" : " (in \(unit))"), or fail or na")
        case .passWithoutReadings(let stage, let items):
            let zh = items.map { "\($0.code)（\($0.name)）" }.joined(separator: "、")
            let en = items.map { "\($0.code) (\($0.name))" }.joined(separator: ", ")
            let first = items.first?.code ?? "item"
            return w("\(stage.chinese)判合格须写明测量项目的测得值，未写：\(zh)。请写 \(first)=测得值（不适用的写 \(first)=na）；rest= 不代替测量",
                     "a passed \(stage.english) needs the value of each measured item; not given: \(en). Write \(first)=VALUE (\(first)=na where it does not apply); rest= does not stand for a measurement")
        case .readingOutsideLimits(let item, let code, let value, let quantity):
            return w("\(item)（\(code)）测得 \(quantity.text(value))，超出限值 \(quantity.limitText(.zh))：检验不能判合格；请判 fail 并注明返工内容",
                     "\(item) (\(code)) read \(quantity.text(value)), outside its limits \(quantity.limitText(.en)): the inspection cannot pass; record it as fail, with a note of what to rework")
        case .limitsReversed(let minimum, let maximum):
            return w("min=\(minimum) 大于 max=\(maximum)：下限须不大于上限", "min=\(minimum) is above max=\(maximum): the lower limit cannot exceed the upper one")
        case .limitsWithoutUnit:
            return w("限值 min=/max= 须与单位 unit= 一起写（无单位的写 unit=\"\"）", "limits min=/max= need the unit they are in, unit= (unit=\"\" for none)")
        }
    }
}
