import { readOwn } from '../_lib/own-key.js';
import { type CustomerTexts, holdOnce } from './customer-texts.js';
import { listFormat } from './list-format.js';

const OR = listFormat('zh-CN', 'disjunction');

const OPTIONS: Readonly<Record<string, string>> = {
  wait_for_restock: '等待补货',
  refund: '全额退款',
  reship: '重新发货',
  cancel: '取消订单',
  redeliver: '约定时间再次派送',
  pickup_point: '改到附近的自提点取件',
  quality_issue: '商品有问题',
  changed_mind: '不想要了',
  other: '其他原因',
};

/** Options that are reasons the customer gives, not remedies they choose. */
const REASONS: ReadonlySet<string> = new Set(['quality_issue', 'changed_mind', 'other']);

const review = (r: boolean) => (r ? '（审核通过后办理）' : '');
const days = (min: number, max: number) => (min === max ? `${min} 个工作日` : `${min}–${max} 个工作日`);
const tracking = (carrier: string, trackingNumber: string) => (trackingNumber === '' ? '' : `（${carrier}，单号 ${trackingNumber}）`);
const signature = (shopName: string | undefined) => (shopName === undefined ? '' : `【${shopName}】`);

/** The hold while the customer confirms their details: said once when the address and the phone both need it. */
const HOLD = '在您回复之前，包裹会先暂缓发出。';

/** Customer messages in Simplified Chinese: one message per order, composed from these parts. */
export const zhCNCustomer: CustomerTexts = {
  sections: {
    paymentRetry: (m) =>
      `您在 ${m.failedAt} 支付的 ${m.amount} 没有成功${m.reason === undefined ? '' : `（原因：${m.reason}）`}。商品会为您保留到 ${m.holdUntil}，您可以再试一次，或换用${m.otherMethods}付款。`,
    paymentLink: (m) => `这笔订单（${m.amount}）还没有完成支付。商品会为您保留到 ${m.holdUntil}，点击我们随后发送的支付链接即可继续付款。`,
    unpaidCancelled: (m) => `这笔订单（${m.amount}）超过${m.within}未支付，我们将为您关闭订单，您没有被扣款。如果您仍然需要，欢迎重新下单。`,
    duplicateCharge: (m) => `您被重复扣款了：${m.paidAt} 通过${m.method}多支付了 ${m.amount}${m.refunded === undefined ? '' : `，其中 ${m.refunded} 已经退还给您`}。`,
    overpaid: (m) => `这笔订单应付 ${m.payable}，我们实际收到 ${m.paid}，多收了 ${m.surplus}${m.refunded === undefined ? '' : `，其中 ${m.refunded} 已经退还给您`}。`,
    chargeUnderReview: () => '我们的财务同事正在核对订单的付款记录，核对完成后会把结果告诉您。',
    balanceDue: (m) =>
      `这笔订单应付 ${m.payable}，我们目前收到 ${m.paid}，还差 ${m.shortfall}。请通过随后发送的链接补付 ${m.shortfall}${m.shipped ? '。' : '，补付到账后我们会立即发货，在此之前包裹先为您保留。'}`,
    paymentConfirmed: (m) => `您支付的 ${m.amount} 我们已经收到，只是系统状态更新慢了，我们会马上把订单更新为已支付。`,
    capturedRefund: () => '您的订单已经取消，但您支付的款项还没有退还给您。我们会将这笔款项原路退回。',
    refundFailed: () => '您的退款未能原路退回。我们正在核查原因，稍后会联系您，和您商量把款项退给您的方式。',
    paymentVoucher: () =>
      '您反馈已经付款，但我们暂时还没有查到这笔款项到账。请把付款凭证或截图（包含付款时间、金额和交易单号）发给我们，财务同事会与支付平台核实，有结果后第一时间告诉您。',
    oversold: (m) =>
      m.fromAnotherWarehouse
        ? `订单中的${m.items}在常用仓库暂时缺货，我们会从其他仓库为您发货，到货可能会稍晚一些。`
        : m.charged
          ? `订单中的${m.items}刚刚售罄，暂时无法发货。我们会尽快紧急补货。`
          : `订单中的${m.items}刚刚售罄。您还没有被扣款；我们会尽快紧急补货。`,
    shipDelay: () => '订单没能按承诺的时间发货。我们会催促仓库优先处理，发货后第一时间把物流单号发给您。',
    trackingStalled: (m) => `包裹${tracking(m.carrier, m.trackingNumber)}的物流信息已经${m.since}没有更新了。我们会联系快递公司核实包裹位置，一有结果马上告诉您。`,
    deliveryDelayed: (m) => `包裹${tracking(m.carrier, m.trackingNumber)}没能在预计时间送达。我们会催促当地网点尽快派送，有新进展随时告诉您。`,
    notPickedUp: () => '您的订单已经打包好，但快递员还没有上门揽收。我们会催促快递公司尽快揽收，并请仓库核实，确保包裹尽早发出。',
    carrierException: (m) => `快递公司反馈包裹${tracking(m.carrier, m.trackingNumber)}在派送中遇到问题，涉及收货地址或联系电话。我们正在和快递公司一起处理，可能会联系您核对信息。`,
    awaitingPickup: (m) =>
      `您的包裹${tracking(m.carrier, m.trackingNumber)}已经到达${m.location === undefined ? '自提点' : m.location}，正在等您取件。请在 ${m.until} 前取走，超时后包裹可能会被退回。`,
    redelivery: (m) => `快递员没能把包裹${tracking(m.carrier, m.trackingNumber)}送到您手中。我们会按您方便的方式和快递公司重新安排派送。`,
    lost: (m) =>
      m.outOfStock ? '包裹在运输途中丢失了，商品目前又暂时缺货。向快递公司的理赔由我们处理，不会影响您的退款。' : '包裹在运输途中丢失了。向快递公司的理赔由我们处理，不会耽误您。',
    claimCheck: (m) =>
      `${m.carrier}显示包裹已${m.deliveredAt === undefined ? '' : `于 ${m.deliveredAt} `}签收，但您没有收到。我们会向快递核实签收记录，查清后把结果和处理方案告诉您。`,
    damaged: (m) =>
      m.confirmed
        ? m.delivered
          ? '包裹在运输途中受损了，送到您手上时已有破损。方便的话，请拍下商品和外包装的照片发给我们；向快递公司的理赔由我们处理。'
          : '包裹在运输途中受损了。向快递公司的理赔由我们处理，破损的包裹不需要您做任何处理。'
        : '您反馈包裹到货时有破损。请拍下商品和外包装的照片发给我们，我们核实后会和您商量补发或退款。',
    wrongItem: (m) =>
      m.confirmed
        ? `您收到的商品发错了，应为${m.items}。${m.keep ? '发错的商品您留着就好，不用寄回。' : '发错的商品我们会安排上门取回，运费由我们承担。'}`
        : `您反馈收到的商品不是${m.items}。麻烦您拍一张收到的商品及其标签的照片发给我们，核实后我们会为您补发正确的商品。`,
    missingItem: (m) =>
      m.confirmed
        ? `您的包裹里少了${m.items}。${m.outOfStock === undefined ? '' : `${m.outOfStock}目前缺货，无法补发，我们会为您退还这部分款项。`}`
        : '您反馈包裹里少了商品。麻烦告诉我们具体少了哪些，方便的话附上收到商品的照片；我们核对打包记录后，会为您补发或退款。',
    refusalReason: () => '我们看到您的包裹被拒收了，方便告诉我们原因吗？',
    refusalAwaitingReturn: (m) =>
      `被拒收的包裹正在退回途中。收到退回的包裹后，我们会将 ${m.amount}${m.deduction === undefined ? '' : `（已按退货规则扣除运费 ${m.deduction}）`}原路退回您的支付账户。`,
    refusalReturned: (m) => `被拒收的包裹已经退回到我们这里${m.deduction === undefined ? '。' : `；按退货规则，退款将扣除运费 ${m.deduction}。`}`,
    qualityReturn: (m) => (m.inspected ? '退回的商品我们已经验收完毕。' : '您反馈商品到货时有问题。我们会为您安排退货，收到并验收商品后为您全额退款。'),
    confirmAddress: (m) =>
      m.shipped
        ? '订单的收货地址可能有误，快递暂时无法派送。我们会联系快递公司拦截或改派，请您回复正确的完整地址（省、市、区和详细地址）；改派如需额外费用，我们会先和您确认。'
        : m.charged
          ? `订单的收货地址不够完整。请您回复正确的完整地址（省、市、区和详细地址）。${HOLD}`
          : '订单的收货地址不够完整，请在付款前改为正确的完整地址，以免包裹无法送达。',
    confirmPhone: (m) => {
      const problem = m.landline ? '订单上留的收货电话是固定电话，收不到快递的短信通知。' : '订单上留的收货电话好像无法接通，快递可能联系不上您。';
      return m.charged ? `${problem}请回复一个能接通的手机号码。${HOLD}` : `${problem}请在付款前改为能接通的手机号码。`;
    },
    orderRecreated: (m) => `订单在提交时遇到了系统故障。您支付的 ${m.amount} 已安全到账，我们会为您重新生成订单并正常发货，您不需要重新付款。`,
    cannotFulfil: () => '您的订单目前无法受理，我们将为您取消，您没有被扣款。',
    asChosen: (m) =>
      m.choice === 'wait'
        ? '感谢您愿意等待，到货后我们会第一时间通知您。'
        : m.choice === 'reship'
          ? '按您的选择，我们将为您重新发货。'
          : m.choice === 'cancel'
            ? '按您的选择，我们将为您取消订单。'
            : '按您的选择，我们将为您办理退款。',
    reminder: () => '我们还没有收到您的回复，再提醒您一下。',
  },
  remedies: {
    refunds: (m) => {
      const [only] = m.parts;
      const eta = `预计 ${days(m.etaMinDays, m.etaMaxDays)}内到账。`;
      const verb = m.done ? '我们已为您退款' : '我们将为您退款';
      return m.parts.length === 1 && only !== undefined
        ? `${verb} ${only.amount}，原路退回您的${only.method}${review(m.review)}，${eta}`
        : `${verb}：${m.parts.map((p) => `${p.amount} 退回${p.method}`).join('，')}${review(m.review)}，均原路退回，${eta}`;
    },
    coupon: (m) =>
      `为表歉意，${m.done ? '我们已向您的账户发放' : '我们将向您的账户发放'}一张 ${m.amount} 的优惠券${review(m.review)}${m.validDays === undefined ? '' : `，有效期 ${m.validDays} 天`}。`,
    points: (m) => `为表歉意，我们将向您的账户发放价值 ${m.amount} 的积分${review(m.review)}。`,
    reship: (m) => `我们将为您重新发出${m.items}${review(m.review)}，发出后把新的物流单号发给您。`,
  },
  options: (options) =>
    options.every((o) => REASONS.has(o))
      ? `请回复告诉我们拒收的原因：${OR.format(options.map((o) => readOwn(OPTIONS, o) ?? o))}。`
      : `请回复告诉我们您的选择：${OR.format(options.map((o) => readOwn(OPTIONS, o) ?? o))}。`,
  compose: (m) => `${signature(m.shopName)}您好！关于您的订单 ${m.orderId}：${holdOnce(m.sections, HOLD).join('')}${m.remedies.join('')}${m.options ?? ''}给您带来不便，非常抱歉。`,
  problems: {
    PAYMENT_FAILED: '付款未成功',
    DUPLICATE_PAYMENT: '重复扣款',
    AMOUNT_MISMATCH: '付款金额不符',
    PAID_NOT_UPDATED: '付款状态未更新',
    CAPTURED_NOT_REFUNDED: '已取消订单的退款',
    REFUND_FAILED: '退款未到账',
    PAYMENT_CLAIMED: '付款未到账',
    OVERSOLD: '商品缺货',
    RESERVATION_FAILED: '库存锁定',
    STOCK_SYNC_LAG: '库存数据',
    NOT_SHIPPED_ON_TIME: '发货延迟',
    TRACKING_STALLED: '物流信息停滞',
    DELIVERY_DELAYED: '配送延误',
    PACKAGE_LOST: '包裹丢失',
    PACKAGE_DAMAGED: '包裹破损',
    DELIVERY_REFUSED: '包裹拒收',
    NOT_PICKED_UP: '快递未揽收',
    CARRIER_EXCEPTION: '快递问题件',
    AWAITING_PICKUP: '包裹待取件',
    DELIVERY_ATTEMPT_FAILED: '派送未成功',
    WRONG_ITEM: '发错商品',
    MISSING_ITEM: '商品漏发',
    ADDRESS_INVALID: '收货地址',
    PHONE_INVALID: '联系电话',
    REMARK_NEEDS_ATTENTION: '订单备注',
    ORDER_CREATE_FAILED: '下单时的系统故障',
    SYNC_FAILED: '订单系统同步',
    BLACKLISTED: '订单',
    SUSPICIOUS_NEW_ACCOUNT: '订单',
    ABNORMAL_QUANTITY: '订单',
  },
  followUpSurvey: (m) =>
    `${signature(m.shopName)}您好！您的订单 ${m.orderId} 之前遇到的${m.problems}问题已经处理完毕。想听听您的感受：您对这次的处理满意吗？有任何建议都欢迎告诉我们，谢谢！`,
};
