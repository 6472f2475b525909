import type { MessageCatalogue } from './catalogue.js';

const coupon = (amount: string | undefined) => (amount === undefined ? '' : `为表歉意,我们为您准备了一张 ${amount} 的优惠券,已放入您的账户。`);

/** Customer messages in Simplified Chinese. */
export const zhCNCustomer: MessageCatalogue['customer'] = {
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
  paymentConfirmed: (m) => `您好!您为订单 ${m.orderId} 支付的 ${m.amount} 我们已经收到,只是系统状态更新延迟了,让您担心了,非常抱歉!订单已更新为已支付,我们会尽快为您安排发货。`,
  oversoldChoice: (m) =>
    `您好!非常抱歉,您订单 ${m.orderId} 中的${m.items}刚刚售罄,库存暂时不够发货。我们已在紧急补货,您可以选择:等待补货(到货时间确定后我们会第一时间告诉您),或者全额退款。${coupon(m.coupon)}请回复告诉我们您的选择,我们会第一时间为您处理。`,
  shipDelay: (m) =>
    `您好!非常抱歉,您的订单 ${m.orderId} 没能按承诺的时间发货。我们已经催促仓库优先处理,发货后会第一时间把物流单号发给您。${coupon(m.coupon)}给您添麻烦了,谢谢您的耐心!`,
  trackingStalled: (m) =>
    `您好!您的订单 ${m.orderId}(${m.carrier},单号 ${m.trackingNumber})物流信息有几天没有更新了,让您久等了,非常抱歉。我们已联系快递公司核实包裹位置,一有结果会马上告诉您。`,
  deliveryDelayed: (m) =>
    `您好!您的订单 ${m.orderId}${m.trackingNumber === '' ? '' : `(${m.carrier},单号 ${m.trackingNumber})`}没能在预计时间送达,非常抱歉。我们已催促快递网点尽快派送,并会持续跟踪,有新进展会第一时间通知您。${coupon(m.coupon)}`,
  lostReship: (m) =>
    `您好!非常抱歉,您订单 ${m.orderId} 的包裹在运输途中丢失了。我们已为您安排重新发货,发出后会把新的物流单号发给您;快递公司的赔偿由我们处理,不需要您做任何事。${coupon(m.coupon)}再次向您致歉!`,
  lostChoice: (m) =>
    `您好!非常抱歉,您订单 ${m.orderId} 的包裹在运输途中丢失了。我们可以马上为您重新发货,也可以为您全额退款,请回复告诉我们您更希望哪一种,我们会第一时间安排;快递公司的赔偿由我们处理,不会耽误您。${coupon(m.coupon)}再次向您致歉!`,
  lostRefund: (m) =>
    `您好!非常抱歉,您订单 ${m.orderId} 的包裹在运输途中丢失,商品目前又暂时缺货。我们已为您全额退款 ${m.amount},原路退回您的${m.method};快递公司的赔偿由我们处理,不会影响您的退款。${coupon(m.coupon)}给您带来不便,再次致歉!`,
  damaged: (m) =>
    `您好!非常抱歉,您订单 ${m.orderId} 的包裹在运输中损坏了。请您方便时拍下商品和外包装的照片发给我们;您可以选择重新发货或退款,我们会马上为您安排,快递公司的赔偿由我们处理。${coupon(m.coupon)}`,
  refusalReason: (m) =>
    `您好!我们看到您订单 ${m.orderId} 的包裹被拒收了。想了解一下是什么原因:是商品有问题,还是有其他情况?请回复告诉我们,我们会尽快为您处理退款或其他安排。如果给您带来了不好的体验,非常抱歉。`,
  confirmAddress: (m) =>
    m.shipped
      ? `您好!您订单 ${m.orderId} 的收货地址可能有误,快递暂时无法派送。我们正在联系快递公司拦截或改派,请您回复正确的完整地址(省、市、区和详细地址);改派如需额外费用,我们会先和您确认。给您添麻烦了,抱歉!`
      : `您好!您订单 ${m.orderId} 的收货地址不够完整,我们担心快递无法送达,暂时没有发货。请您回复正确的完整地址(省、市、区和详细地址),确认后我们会立即为您发货。给您添麻烦了,抱歉!`,
  confirmPhone: (m) => `您好!您订单 ${m.orderId} 留的收货电话好像无法使用,快递可能联系不上您。请回复一个能接通的手机号码,确认后我们会马上为您发货。给您添麻烦了,抱歉!`,
  orderRecreated: (m) =>
    `您好!非常抱歉,您的订单 ${m.orderId} 在提交时遇到了系统故障。您支付的 ${m.amount} 已安全收到,我们正在为您重新生成订单,完成后会正常发货并通知您,您不需要重新付款。`,
  refusedRefund: (m) =>
    m.quality
      ? `您好!非常抱歉商品有质量问题,让您失望了。订单 ${m.orderId} 的退货我们来处理,已为您全额退款 ${m.amount},原路退回。感谢您告诉我们,我们会认真改进。`
      : `您好!我们已收到订单 ${m.orderId} 被拒收的包裹。按照退货规则,退款 ${m.amount}${m.deduction === undefined ? '' : `(已扣除运费 ${m.deduction})`},原路退回您的支付账户。如有疑问,请随时联系我们。`,
  followUpSurvey: (m) => `您好!您订单 ${m.orderId} 之前遇到的问题已经处理完毕。想听听您的感受:您对这次的处理满意吗?有任何建议都欢迎告诉我们,谢谢!`,
  cannotFulfil: (m) => `您好!很抱歉,您的订单 ${m.orderId} 目前无法受理,已为您取消,不会产生任何扣款。如有疑问,请联系我们的客服。`,
};
