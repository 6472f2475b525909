import type { MessageCatalogue } from './catalogue.js';

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

/** Simplified Chinese texts. */
export const zhCN: MessageCatalogue = {
  locale: 'zh-CN',
  summaries: {
    PAYMENT_FAILED: ({ order, facts }) =>
      facts['payments.latestAttemptStatus'] === 'failed'
        ? `订单 ${order.id} 最近一次支付失败,至今没有成功的支付。`
        : `订单 ${order.id} 下单 ${facts['order.minutesSinceCreated']} 分钟仍未完成支付。`,
    DUPLICATE_PAYMENT: ({ order, facts, kit }) =>
      `订单 ${order.id} 有 ${facts['payments.succeededCount']} 笔支付成功,净收 ${kit.money(facts['payments.netPaid'])},比应付 ${kit.money(order.totals.payable)} 多 ${kit.money(facts['payments.surplus'] ?? 0)}。`,
    AMOUNT_MISMATCH: ({ order, facts, kit }) =>
      (facts['payments.surplus'] ?? 0) > 0
        ? `订单 ${order.id} 实收 ${kit.money(facts['payments.netPaid'])},比应付 ${kit.money(order.totals.payable)} 多 ${kit.money(facts['payments.surplus'] ?? 0)}。`
        : `订单 ${order.id} 实收 ${kit.money(facts['payments.netPaid'])},比应付 ${kit.money(order.totals.payable)} 少 ${kit.money(facts['payments.shortfall'] ?? 0)}。`,
    PAID_NOT_UPDATED: ({ order, facts }) =>
      `订单 ${order.id} 已在 ${facts['payments.minutesSinceFirstPaid'] ?? 0} 分钟前支付成功,状态却仍是待支付。`,
  },
  checklists: {
    PAYMENT_FAILED: [
      '查看支付网关返回的失败原因和错误码',
      '确认是否为银行限额、余额不足或密码错误等客户侧原因',
      '检查支付接口日志和网络状况,排除通道故障',
      '必要时请客户提供支付页面截图',
    ],
    DUPLICATE_PAYMENT: [
      '请客户提供支付凭证(付款截图或账单)',
      '在支付平台或银行流水中核对每笔交易号与金额',
      '检查支付接口日志:是否重复提交或回调重放',
      '确认多付的款项尚未退过、订单没有因此重复发货',
    ],
    AMOUNT_MISMATCH: [
      '请客户提供支付凭证(付款截图或账单)',
      '在支付平台或银行流水中核对实收金额',
      '复核订单金额计算:商品、运费、优惠和税费',
      '检查支付接口日志中提交的金额',
    ],
    PAID_NOT_UPDATED: [
      '在支付平台后台确认交易状态和交易号',
      '查看支付回调日志:是否收到回调、处理是否报错',
      '检查订单服务与支付通道之间的网络和消息队列',
      '更新状态后确认订单已进入发货流程',
    ],
  },
  paymentMethod: (method) => METHODS[method] ?? method,
  failureReason: (reason) => FAILURES[reason],
  alternatives: (names) => (names.length === 0 ? '其他支付方式' : `其他支付方式(如${names.join('、')})`),
  customer: {
    paymentRetry: (m) =>
      `您好!您在 ${m.failedAt} 为订单 ${m.orderId} 支付 ${m.amount} 时没有成功${m.reason === undefined ? '' : `(原因:${m.reason})`}。商品我们会为您保留到 ${m.holdUntil},您可以再试一次,或换用${m.otherMethods}完成付款。给您添麻烦了,非常抱歉!`,
    paymentLink: (m) =>
      `您好!您的订单 ${m.orderId}(${m.amount})还没有完成支付。商品我们会为您保留到 ${m.holdUntil},点击随后发送的支付链接即可继续付款。如果付款时遇到任何不便,非常抱歉,请随时联系我们,我们马上帮您处理。`,
    unpaidCancelled: (m) =>
      `您好!您的订单 ${m.orderId}(${m.amount})超过 ${m.hours} 小时没有完成支付,系统已为您关闭,不会产生任何扣款。很抱歉这次没能帮您顺利下单;如果您仍然需要,欢迎随时重新下单,我们会第一时间为您发货。`,
    refund: (m) =>
      (m.reason === 'duplicate_payment'
        ? `您好!我们发现您的订单 ${m.orderId} 被重复扣款:${m.paidAt} 通过${m.method}多支付了 ${m.amount}。`
        : `您好!您的订单 ${m.orderId} 应付 ${m.payable},实际收到 ${m.paid},多扣了 ${m.amount}。`) +
      `非常抱歉给您带来困扰!我们已为您安排将这 ${m.amount} 原路退回您的${m.method},预计 ${m.etaMinDays}–${m.etaMaxDays} 个工作日内到账,到账时您会收到${m.method}的通知。如有任何疑问,请随时联系我们。`,
    balanceDue: (m) =>
      `您好!您的订单 ${m.orderId} 应付 ${m.payable},我们目前只收到 ${m.paid},还差 ${m.shortfall}。为避免账目出错,我们暂缓了发货。请通过随后发送的链接补付 ${m.shortfall},补付成功后我们会立即为您发货。给您带来不便,非常抱歉!`,
    paymentConfirmed: (m) =>
      `您好!您为订单 ${m.orderId} 支付的 ${m.amount} 我们已经收到,只是系统状态更新延迟了,让您担心了,非常抱歉!订单已更新为已支付,我们会尽快为您安排发货。`,
  },
  internal: {
    holdForBalance: (m) => `订单 ${m.orderId} 少收 ${m.shortfall}:补款到账前暂停发货。`,
    callbackIncident: (m) =>
      `订单 ${m.orderId} 的支付 ${m.paymentIds} 成功已 ${m.minutes} 分钟,订单状态仍未更新:排查支付回调(接收、验签、处理、入队)。`,
    statusUpdate: (m) => `支付 ${m.paymentIds} 已在网关确认成功:将订单 ${m.orderId} 更新为已支付并进入发货流程。`,
  },
};
