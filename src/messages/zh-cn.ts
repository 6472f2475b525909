import { readOwn } from '../_lib/own-key.js';
import { carrierNameFrom, ZH_CN_CARRIERS } from './carrier-names.js';
import type { MessageCatalogue } from './catalogue.js';
import { zhCNCustomer } from './customer-zh-cn.js';
import { blacklistEntriesFrom, codeNameFrom, labelFrom, reasonName, recipientName, reviewDetail, stringsOf } from './labels.js';
import { ZH_CN_CODE_NAMES, ZH_CN_LABELS } from './labels-zh-cn.js';
import { listFormat } from './list-format.js';
import { type StaffNotes, staffNoteFrom } from './staff-notes.js';
import { zhCNCount, zhCNDuration } from './units.js';

/** An order that will not ship, by its status. */
const STATUS: Readonly<Record<string, string>> = { cancelled: '取消', closed: '关闭', failed: '创建失败' };

const METHODS: Readonly<Record<string, string>> = {
  alipay: '支付宝',
  wechat_pay: '微信支付',
  unionpay: '银联',
  card: '银行卡',
  paypal: 'PayPal',
  apple_pay: 'Apple Pay',
  bank_transfer: '银行转账',
  cod: '货到付款',
  cash_on_delivery: '货到付款',
};

const FAILURES: Readonly<Record<string, string>> = {
  insufficient_funds: '账户余额不足',
  limit_exceeded: '超出银行卡单笔或单日限额',
  bank_limit: '超出银行卡单笔或单日限额',
  wrong_password: '支付密码错误',
  incorrect_pin: '支付密码错误',
  network_error: '网络连接中断',
  timeout: '支付超时',
  card_declined: '银行卡被发卡行拒绝',
  expired_card: '银行卡已过期',
};

const LIST = listFormat('zh-CN', 'conjunction');

const label = labelFrom(ZH_CN_LABELS);
const codeName = codeNameFrom(ZH_CN_CODE_NAMES);
const method = (m: unknown): string => readOwn(METHODS, String(m)) ?? String(m);
const failure = (r: unknown): string => readOwn(FAILURES, String(r)) ?? String(r);
const count = zhCNCount;
const duration = zhCNDuration;
const OR = listFormat('zh-CN', 'disjunction');

/** The identifiers a blacklist entry would add, each kind named. */
const blacklistEntries = blacklistEntriesFrom(label, { join: '、', separator: '；', none: '（无新增）' });

/** Staff notes per action kind, with the action's real figures, every value named (docs/messages.md). */
const ZH_CN_STAFF_NOTES: StaffNotes = {
  refund: ({ orderId, params: p, kit }) =>
    `订单 ${orderId}：将 ${kit.money(p.amount)} 原路退回支付 ${String(p.paymentId)}（${method(p.method)}），原因：${label('refundReason', p.reason)}。`,
  coupon: ({ orderId, params: p, kit }) => `订单 ${orderId}：因${reasonName(codeName, String(p.reason))}发放 ${kit.money(p.amount)} 优惠券（${count(p.validDays, 'day')}内有效）。`,
  hold_shipment: ({ orderId, params: p }) => `订单 ${orderId}：暂停发货（${label('holdReason', p.reason)}），问题解决后再放行。`,
  urge_carrier: ({ orderId, params: p, kit }) => `订单 ${orderId}：催促${kit.carrierName(String(p.carrier))}处理运单 ${String(p.trackingNumber)}，并回报包裹位置与派送计划。`,
  carrier_claim: ({ orderId, params: p, kit }) =>
    `订单 ${orderId}：就运单 ${String(p.trackingNumber)} 向${kit.carrierName(String(p.carrier))}索赔（${label('claimReason', p.reason)}）；索赔不影响对客户的处理。`,
  intercept_shipment: ({ orderId, params: p, kit }) => `订单 ${orderId}：联系${kit.carrierName(String(p.carrier))}拦截或改派运单 ${String(p.trackingNumber)}，费用先与客户确认。`,
  correct_address: ({ orderId }) => `订单 ${orderId}：与客户核实并更正收货地址后再发货。`,
  manual_review: ({ orderId, params: p }) => {
    const details = stringsOf(p.details).map((d) => reviewDetail(label, String(p.reason), d, '：'));
    if (p.reason === 'blacklisted' && details.length > 0) return `订单 ${orderId}：人工审核：买家的${details.join('、')}在黑名单上。`;
    return `订单 ${orderId}：人工审核（${label('reviewReason', p.reason)}）${details.length > 0 ? `：${details.join('；')}` : ''}。`;
  },
  release_or_retry_reservation: ({ orderId, params: p }) => `订单 ${orderId}：重新锁定库存：${stringsOf(p.skus).join('、')}。`,
  resync_inventory: ({ orderId, params: p }) => `订单 ${orderId}：重新同步库存：${stringsOf(p.skus).join('、')}。`,
  retry_sync: ({ orderId, params: p }) => `订单 ${orderId}：重新同步到${label('system', String(p.system))}。`,
  recreate_order: ({ orderId, params: p }) => `订单 ${orderId}：按快照重新创建订单，保留支付 ${stringsOf(p.paymentIds).join('、') || '（无）'}。`,
  tech_incident: ({ orderId, params: p }) =>
    `订单 ${orderId}：技术故障单，${label('system', String(p.system))}：${label('techReason', p.reason)}${typeof p.minutesLate === 'number' ? `（已延迟${duration(p.minutesLate)}）` : ''}。`,
  transfer_stock: ({ orderId, params: p }) => `订单 ${orderId}：从仓库 ${String(p.fromWarehouse)} 调拨 ${count(p.units, 'unit')} ${String(p.sku)}。`,
  urgent_restock: ({ orderId, params: p }) => `订单 ${orderId}：紧急补货 ${count(p.units, 'unit')} ${String(p.sku)}。`,
  request_return: ({ orderId, params: p }) =>
    p.reason === 'wrong_item'
      ? `订单 ${orderId}：安排客户寄回发错的商品${p.shipmentId === undefined ? '' : `（包裹 ${p.shipmentId}）`}，运费由我们承担。`
      : `订单 ${orderId}：发起退货${p.shipmentId === undefined ? '' : `（包裹 ${p.shipmentId}）`}，验货后全额退款。`,
  reship: ({ orderId, params: p }) => `订单 ${orderId}：重新发货：${(p.items as { sku: string; quantity: number }[]).map((i) => `${i.sku}×${i.quantity}`).join('、')}。`,
  cancel_order: ({ orderId, params: p }) => `订单 ${orderId}：取消订单（${label('cancelReason', p.reason)}）。`,
  update_order_status: ({ orderId, params: p }) =>
    `订单 ${orderId}：订单状态由「${label('orderStatus', p.from)}」改为「${label('orderStatus', p.to)}」${p.release === false ? '，暂不进入发货流程（另有问题暂停了该订单）' : ''}。`,
  contact_customer: ({ orderId, params: p }) => {
    const topics = stringsOf(p.topics).length > 0 ? stringsOf(p.topics) : [String(p.reason)];
    const options = stringsOf(p.options).map((o) => label('customerOption', o));
    return `订单 ${orderId}：通过${OR.format(stringsOf(p.channels).map((c) => label('contactChannel', c)))}联系客户，事由：${topics.map((t) => label('contactReason', t)).join('；')}${options.length > 0 ? `；请客户选择：${options.join(' / ')}` : ''}。`;
  },
  send_payment_link: ({ orderId, params: p, kit }) => `订单 ${orderId}：发送 ${kit.money(p.amount)} 的支付链接（${p.purpose === 'balance' ? '补差价' : '订单付款'}）。`,
  suggest_payment_retry: ({ orderId, params: p }) =>
    `订单 ${orderId}：支付 ${String(p.paymentId)} 失败${p.failureReason === undefined ? '' : `（${failure(p.failureReason)}）`}，提醒客户重试或换用其他支付方式。`,
  escalate: ({ orderId, params: p }) =>
    `订单 ${orderId}：升级给${recipientName(label, String(p.to))}（${reasonName(codeName, String(p.reason))}${typeof p.openMinutes === 'number' ? `，已持续${duration(p.openMinutes)}` : ''}）。`,
  add_to_blacklist: ({ orderId, params: p }) => `订单 ${orderId}：风控确认后加入黑名单：${blacklistEntries(p)}。`,
  report_to_authorities: ({ orderId, params: p, kit }) => `订单 ${orderId}：涉及 ${kit.money(p.amount)}，由经理决定是否报警。`,
  follow_up_survey: ({ orderId, params: p }) => `订单 ${orderId}：问题已解决（${stringsOf(p.resolved).map(codeName).join('、')}），回访客户满意度。`,
  points: ({ orderId, params: p, kit }) => `订单 ${orderId}：发放价值 ${kit.money(p.amount)} 的积分${p.validDays === undefined ? '' : `（${count(p.validDays, 'day')}内有效）`}。`,
};

/** Simplified Chinese texts. */
export const zhCN: MessageCatalogue = {
  locale: 'zh-CN',
  summaries: {
    PAYMENT_FAILED: ({ order, facts }) =>
      facts['payments.latestAttemptStatus'] === 'failed'
        ? `订单 ${order.id} 最近一次支付失败，至今没有成功的支付。`
        : `订单 ${order.id} 下单已${duration(facts['order.minutesSinceCreated'])}，仍未完成支付。`,
    DUPLICATE_PAYMENT: ({ order, facts, kit }) =>
      `订单 ${order.id} 有 ${facts['payments.succeededCount']} 笔支付成功，净收 ${kit.money(facts['payments.netPaid'])}，比应付 ${kit.money(order.totals.payable)} 多 ${kit.money(facts['payments.surplus'] ?? 0)}。`,
    AMOUNT_MISMATCH: ({ order, facts, kit }) =>
      (facts['payments.surplus'] ?? 0) > 0
        ? `订单 ${order.id} 实收 ${kit.money(facts['payments.netPaid'])}，比应付 ${kit.money(order.totals.payable)} 多 ${kit.money(facts['payments.surplus'] ?? 0)}。`
        : `订单 ${order.id} 实收 ${kit.money(facts['payments.succeededTotal'])}，比应付 ${kit.money(order.totals.payable)} 少 ${kit.money(facts['payments.shortfall'] ?? 0)}。`,
    PAID_NOT_UPDATED: ({ order, facts }) => `订单 ${order.id} 已在${duration(facts['payments.minutesSinceFirstPaid'] ?? 0)}前支付成功，状态却仍是待支付。`,
    CAPTURED_NOT_REFUNDED: ({ order, facts, kit }) =>
      facts['payments.refundLedgerUnclear']
        ? `订单 ${order.id} 已${readOwn(STATUS, order.status) ?? order.status}，仍有客户已付款项未退，且退款记录对不上。`
        : `订单 ${order.id} 已${readOwn(STATUS, order.status) ?? order.status}，客户已付的 ${kit.money(facts['payments.capturedNotRefunded'])} 尚未退还。`,
    REFUND_FAILED: ({ order, facts }) => `订单 ${order.id} 有 ${facts['payments.failedRefundCount']} 笔退款未成功。`,
    PAYMENT_CLAIMED: ({ order }) => `订单 ${order.id} 的客户称已付款，但系统中没有支付成功的记录。`,
    OVERSOLD: ({ order, facts }) =>
      (facts['inventory.maxShortUnits'] ?? 0) > 0
        ? `订单 ${order.id} 有 ${facts['inventory.oversoldLineCount'] ?? 0} 个商品库存不足，最多缺 ${facts['inventory.maxShortUnits'] ?? 0} 件。`
        : `仓库报告订单 ${order.id} 的商品缺货。`,
    RESERVATION_FAILED: ({ order, facts }) => `订单 ${order.id} 已支付，但有 ${facts['reservations.unreservedLineCount'] ?? 0} 个商品没有锁定库存。`,
    STOCK_SYNC_LAG: ({ order, facts }) =>
      (facts['inventory.maxChannelDrift'] ?? 0) > 0
        ? `订单 ${order.id} 相关商品的渠道库存与仓库库存相差 ${facts['inventory.maxChannelDrift'] ?? 0} 件。`
        : `订单 ${order.id} 相关商品的库存已${duration(facts['inventory.maxMinutesSinceSync'] ?? 0)}未同步。`,
    NOT_SHIPPED_ON_TIME: ({ order, facts }) =>
      facts['shipping.minutesPastShipBy'] !== null
        ? `订单 ${order.id} 已超过承诺发货时间${duration(facts['shipping.minutesPastShipBy'])}，仍未发货。`
        : `订单 ${order.id} 付款已${duration(facts['payments.minutesSinceFirstPaid'] ?? 0)}，仍未发货。`,
    TRACKING_STALLED: ({ order, facts, kit }) =>
      `订单 ${order.id} 的包裹（${kit.carrierName(facts['shipment.carrier'] ?? '')}）物流信息已${duration((facts['tracking.hoursSinceLastEvent'] ?? 0) * 60)}没有更新。`,
    DELIVERY_DELAYED: ({ order, facts }) => `订单 ${order.id} 的包裹已超过预计送达时间${duration(facts['delivery.minutesPastDue'] ?? 0)}，仍未签收。`,
    PACKAGE_LOST: ({ order, facts }) =>
      facts['tracking.hasLostEvent']
        ? `承运商报告订单 ${order.id} 的包裹丢失。`
        : facts['tracking.isDelivered']
          ? `订单 ${order.id} 显示已签收，但客户反馈没有收到。`
          : `订单 ${order.id} 的包裹已 ${facts['tracking.daysSinceLastEvent'] ?? 0} 天没有物流更新，视为丢失。`,
    PACKAGE_DAMAGED: ({ order }) => `订单 ${order.id} 的包裹在运输中损坏。`,
    DELIVERY_REFUSED: ({ order }) => `订单 ${order.id} 的包裹被拒收或退回。`,
    NOT_PICKED_UP: ({ order, facts, kit }) =>
      `订单 ${order.id} 的面单已打印${duration((facts['pickup.hoursSinceLabel'] ?? 0) * 60)}，${kit.carrierName(facts['shipment.carrier'] ?? '')}仍未揽收扫描。`,
    CARRIER_EXCEPTION: ({ order, facts, kit }) => `订单 ${order.id} 的包裹被${kit.carrierName(facts['shipment.carrier'] ?? '')}标记为问题件。`,
    AWAITING_PICKUP: ({ order, facts }) => `订单 ${order.id} 的包裹已在自提点等待${duration((facts['tracking.hoursSinceLastEvent'] ?? 0) * 60)}，客户仍未取件。`,
    DELIVERY_ATTEMPT_FAILED: ({ order, facts }) => `订单 ${order.id} 的包裹${duration((facts['tracking.hoursSinceFailedAttempt'] ?? 0) * 60)}前派送未成功，之后仍未签收。`,
    WRONG_ITEM: ({ order }) => `订单 ${order.id} 反馈发错了商品。`,
    MISSING_ITEM: ({ order }) => `订单 ${order.id} 反馈包裹少发了商品。`,
    ADDRESS_INVALID: ({ order, facts }) =>
      facts['tracking.lastEventCode'] === 'address_issue' ? `承运商反馈订单 ${order.id} 的收货地址有问题。` : `订单 ${order.id} 的收货地址不完整或无法识别。`,
    PHONE_INVALID: ({ order, facts }) => (facts['phone.isValid'] ? `订单 ${order.id} 的收货电话是固话，快递无法发送短信。` : `订单 ${order.id} 的收货电话不是有效号码。`),
    REMARK_NEEDS_ATTENTION: ({ order }) => `订单 ${order.id} 的备注有特殊要求，发货前需要人工确认。`,
    ORDER_CREATE_FAILED: ({ order, facts }) => (facts['payments.succeededCount'] > 0 ? `订单 ${order.id} 创建失败，但客户已付款。` : `订单 ${order.id} 创建失败。`),
    SYNC_FAILED: ({ order, facts }) =>
      (facts['sync.failedSystemCount'] ?? 0) > 0
        ? `订单 ${order.id} 同步到 ${facts['sync.failedSystemCount']} 个系统失败（最多连续失败 ${facts['sync.maxFailuresInARow'] ?? 0} 次）。`
        : `订单 ${order.id} 同步已等待${duration(facts['sync.maxPendingMinutes'] ?? 0)}。`,
    BLACKLISTED: ({ order, facts }) => `订单 ${order.id} 命中黑名单 ${facts['blacklist.matchCount'] ?? 0} 项。`,
    SUSPICIOUS_NEW_ACCOUNT: ({ order, facts }) =>
      `订单 ${order.id} 来自注册仅${duration((facts['customer.accountAgeHours'] ?? 0) * 60)}的新账号，购买 ${count(facts['items.totalQuantity'], 'unit')}。`,
    ABNORMAL_QUANTITY: ({ order, facts }) => `订单 ${order.id} 有 ${facts['items.linesOverQuantityLimit']} 个商品购买数量超过限额。`,
  },
  ruleSummary: (m) => `订单 ${m.orderId} 命中规则「${m.ruleName}」（${m.code}）。`,
  batch: {
    summaries: {
      SHARED_ADDRESS_CLUSTER: (m) => `${m.accounts} 个账号在时间窗口内向同一地址「${m.value}」下了 ${m.orders} 单。`,
      SHARED_CONTACT_CLUSTER: (m) => `${m.accounts} 个账号共用同一${m.on === 'phone' ? '电话' : '设备'}「${m.value}」，共 ${m.orders} 单。`,
      COUPON_ABUSE: (m) => `新人优惠券被同一${m.on === 'address' ? '地址' : m.on === 'phone' ? '电话' : '设备'}「${m.value}」重复使用 ${m.orders} 次。`,
      RAPID_REPEAT_ORDERS: (m) => `账号 ${m.value} 在短时间内连续下了 ${m.orders} 单。`,
    },
    checklists: {
      SHARED_ADDRESS_CLUSTER: ['核对这些账号的注册信息与登录设备', '确认地址是否为集中收货点（公司、驿站）', '查看这些订单的商品与优惠券是否雷同'],
      SHARED_CONTACT_CLUSTER: ['核对共用电话或设备的账号之间的关系', '查看这些订单的收货地址与商品', '确认是否为家庭或企业共用'],
      COUPON_ABUSE: ['核对新人券的领取与使用记录', '查看这些账号的注册时间与设备', '未发货订单先暂停处理'],
      RAPID_REPEAT_ORDERS: ['确认是否为客户误操作重复下单', '查看这些订单的支付与收货信息', '必要时联系客户确认'],
    },
  },
  checklists: {
    PAYMENT_FAILED: [
      '查看支付网关返回的失败原因和错误码',
      '确认是否为银行限额、余额不足或密码错误等客户侧原因',
      '检查支付接口日志和网络状况，排除通道故障',
      '必要时请客户提供支付页面截图',
    ],
    DUPLICATE_PAYMENT: [
      '请客户提供支付凭证（付款截图或账单）',
      '在支付平台或银行流水中核对每笔交易号与金额',
      '检查支付接口日志：是否重复提交或回调重放',
      '确认多付的款项尚未退过、订单没有因此重复发货',
    ],
    AMOUNT_MISMATCH: ['请客户提供支付凭证（付款截图或账单）', '在支付平台或银行流水中核对实收金额', '复核订单金额计算：商品、运费、优惠和税费', '检查支付接口日志中提交的金额'],
    PAID_NOT_UPDATED: [
      '在支付平台后台确认交易状态和交易号',
      '查看支付回调日志：是否收到回调、处理是否报错',
      '检查订单服务与支付通道之间的网络和消息队列',
      '更新状态后确认订单已进入发货流程',
    ],
    CAPTURED_NOT_REFUNDED: ['确认订单取消或关闭的原因，并确认没有发货', '与支付平台逐笔核对扣款金额和已退金额', '将每笔付款的剩余金额原路退回'],
    REFUND_FAILED: [
      '查看支付平台返回的退款失败原因',
      '确认原支付方式仍可退款（银行卡已注销、账户被冻结等）',
      '原路重新退款，或征得客户同意后改用其他方式退款',
      '确认没有同一金额的退款已经成功',
    ],
    PAYMENT_CLAIMED: [
      '请客户提供付款凭证或截图（时间、金额、交易号）',
      '按交易号、金额和时间在支付平台查询这笔交易',
      '核查是否付到了其他订单或其他店铺',
      '不要仅凭客户的说法退款或取消订单',
    ],
    OVERSOLD: ['核对系统库存与仓库实际库存', '查看近期入库和出库记录', '查看是否有其他订单占用了该商品库存', '确认预售商品的预售额度设置'],
    RESERVATION_FAILED: ['查看库存锁定（预占）接口日志和报错', '确认商品在仓库是否还有可用库存', '检查高并发下的锁定重试与超时设置'],
    STOCK_SYNC_LAG: ['对比渠道库存与仓库系统库存', '查看库存同步任务最近一次运行和报错', '检查各渠道库存是否统一管理', '确认已下架商品未在渠道继续售卖'],
    NOT_SHIPPED_ON_TIME: ['向仓库确认订单是否已拣货、打包', '确认是否缺货或在等待补货', '检查订单是否同步到了仓储系统（WMS）'],
    TRACKING_STALLED: ['联系承运商客服查询包裹详细状态', '与派送网点确认包裹位置和派送计划', '确认是否遇到节假日、天气或线路问题'],
    DELIVERY_DELAYED: ['联系承运商网点催促派送', '实时跟踪物流信息并记录', '确认是否因爆仓、天气或线路故障延误'],
    PACKAGE_LOST: ['向承运商确认包裹最后的扫描位置', '要求承运商出具丢失证明，准备索赔材料', '核对签收记录（签收人、签收照片）', '确认补发库存'],
    PACKAGE_DAMAGED: ['请客户提供商品和外包装照片', '向承运商确认运输过程和签收情况', '准备索赔材料'],
    WRONG_ITEM: ['请客户提供收到商品及标签的照片', '核对拣货单、打包视频与订单商品是否一致', '补发正确商品；除客户保留外，安排寄回发错的商品'],
    MISSING_ITEM: ['与客户确认具体少了哪些商品', '核对打包记录和包裹重量', '补发缺少的商品，缺货则退还对应款项'],
    DELIVERY_REFUSED: ['联系客户了解拒收原因', '区分商品质量问题与非质量原因', '跟踪退回包裹的物流状态'],
    NOT_PICKED_UP: ['联系快递公司确认揽收时间', '向仓库确认包裹已打包并在待揽收区', '核对面单与预约的快递公司是否一致'],
    CARRIER_EXCEPTION: ['向快递公司了解问题件的具体原因', '如涉及地址或电话，与客户核实信息', '跟踪包裹直到恢复正常流转'],
    AWAITING_PICKUP: ['提醒客户取件地点和截止时间', '确认自提点的保管期限', '保管期快到时，可为客户改为送货上门'],
    DELIVERY_ATTEMPT_FAILED: ['向快递公司了解派送失败的原因', '与客户约定再次派送的时间或改到自提点', '把约定的安排告知当地网点'],
    ADDRESS_INVALID: ['通过短信或电话联系客户核实地址', '包裹未发出：修改地址后再发货', '包裹已发出：联系承运商拦截或改派，并与客户协商费用'],
    PHONE_INVALID: ['通过短信、邮件或其他联系方式联系客户', '核实并更新收货电话', '电话确认前暂停发货'],
    REMARK_NEEDS_ATTENTION: ['仔细阅读客户备注，确认具体要求', '能满足的安排落实（时间、发票、包装等）', '不能满足的主动联系客户说明'],
    ORDER_CREATE_FAILED: ['联系技术团队查看系统日志和服务器状态', '确认客户是否已付款', '确认订单数据是否部分写入'],
    SYNC_FAILED: ['查看同步接口的报错信息', '检查目标系统（ERP/WMS/CRM）的服务状态', '确认重试是否会产生重复数据'],
    BLACKLISTED: ['核对命中的黑名单条目和原因', '查看该客户的历史订单和退款记录', '确认是否误伤（同名、共用地址等）'],
    SUSPICIOUS_NEW_ACCOUNT: ['查看账号注册信息和登录设备', '核对收货地址和联系方式是否与其他账号雷同', '确认是否为企业采购等正常大单'],
    ABNORMAL_QUANTITY: ['确认客户购买用途（自用、转售、企业采购）', '核对是否为下单时误操作', '查看同一地址或设备的其他订单'],
  },
  paymentMethod: (method) => readOwn(METHODS, method) ?? method,
  failureReason: (reason) => readOwn(FAILURES, reason),
  carrierName: carrierNameFrom(ZH_CN_CARRIERS),
  productName: (name) => `「${name}」`,
  duration: zhCNDuration,
  count: zhCNCount,
  codeName,
  label,
  list: (items) => LIST.format(items),
  alternatives: (names) => (names.length === 0 ? '其他支付方式' : `其他支付方式（如${names.join('、')}）`),
  customer: zhCNCustomer,
  staffNote: staffNoteFrom(ZH_CN_STAFF_NOTES, (orderId, kind) => `订单 ${orderId}：${kind}。`),
  internal: {
    refundUnsettled: (m) => `订单 ${m.orderId}：应退给客户的款项逾期未到账（退款未完成，或已取消订单未退款）：请向支付渠道核实并完成退款。`,
    customerSilent: (m) => `订单 ${m.orderId}：关于「${codeName(m.code)}」多次提醒客户仍未回复，请电话联系或代客户决定。`,
    verifyClaim: (m) =>
      m.claim === 'not_received'
        ? `订单 ${m.orderId} 快递显示已签收，客户反馈没有收到：请先向快递核实签收凭证（签名、照片、快递柜记录），再决定退款或补发。`
        : m.claim === 'wrong_item'
          ? `订单 ${m.orderId} 客户反馈发错了商品：请先让客户提供收到商品及标签的照片，并与打包记录核对，再决定补发或退回。`
          : m.claim === 'missing_item'
            ? `订单 ${m.orderId} 客户反馈少发了商品：请先与客户确认少了哪些商品，并核对打包记录和包裹重量，再决定补发或退款。`
            : `订单 ${m.orderId} 客户反馈到货破损，快递没有破损记录：请先让客户提供商品和外包装照片并核实，再决定退款或补发。`,
    holdForBalance: (m) => `订单 ${m.orderId} 少收 ${m.shortfall}：补款到账前暂停发货。`,
    callbackIncident: (m) => `订单 ${m.orderId} 的支付 ${m.paymentIds} 成功已${duration(m.minutes)}，订单状态仍未更新：排查支付回调（接收、验签、处理、入队）。`,
    statusUpdate: (m) => `支付 ${m.paymentIds} 已在网关确认成功：将订单 ${m.orderId} 更新为已支付并进入发货流程。`,
    restock: (m) => `订单 ${m.orderId} 缺货：${m.sku} 各仓合计库存不足，需紧急补货 ${m.units} 件。`,
    shipLate: (m) => `订单 ${m.orderId} 已超过承诺发货时间：请仓库优先拣货发货，并回报预计发货时间。`,
    remark: (m) => {
      const read = (m.requests ?? []).map((d) => reviewDetail(label, 'remark_requests', d, '：'));
      return `订单 ${m.orderId} 客户备注：「${m.remark}」。${read.length > 0 ? `识别到的要求：${read.join('；')}。` : ''}发货前请确认并落实其中的要求。`;
    },
    escalation: (m) => `订单 ${m.orderId} 的「${reasonName(codeName, m.code)}」已处理${duration(m.minutes)}仍未解决，升级至${recipientName(label, m.to)}。`,
    blacklistRepeater: (m) =>
      `订单 ${m.orderId} 命中黑名单（${m.matchedOn
        .split(', ')
        .filter(Boolean)
        .map((on) => label('blacklistMatch', on))
        .join('、')}）：请风控确认后，把该买家的其他标识一并加入黑名单。`,
    reportFraud: (m) => `订单 ${m.orderId} 涉及金额 ${m.amount}，买家在黑名单上：请风控经理判断是否报警。`,
  },
};
