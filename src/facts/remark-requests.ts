/** The kinds of special request a customer's remark can make. */
export const REMARK_KINDS = ['delivery_time', 'invoice', 'gift', 'change', 'variant', 'carrier', 'drop_off', 'merge', 'urgency', 'do_not_call'] as const;

/** A kind of special request. */
export type RemarkKind = (typeof REMARK_KINDS)[number];

/** A request found in a remark, with the phrase that shows it. */
export interface RemarkRequest {
  readonly kind: RemarkKind;
  readonly phrase: string;
}

// "No invoice / no price list in the parcel" (送人的,别放发票和价格单) is a gift's request, never an
// invoice request: these spans count as gift and are blanked before the invoice pattern reads.
const PAPERS = '(?:发票|小票|价格单|价目单|价格|价签|清单|收据|单据)';
const NO_PAPERS = `(?:别|不要|不用|勿|无需|不需要|不必)(?:放|开|给|带|附|夹)?入?${PAPERS}(?:(?:和|与|及|跟|、|或)${PAPERS})*`;
const NO_PAPERS_EN = "\\b(?:no|without(?: the| any)?|(?:don't|do not|dont) (?:include|put in|add)(?: the| any)?)\\s+(?:invoices?|receipts?|price(?: list| tags?|s)?)\\b";
const NEGATED_PAPERS = new RegExp(`${NO_PAPERS}|${NO_PAPERS_EN}`, 'gi');

// Fixed, linear patterns (no nested quantifiers), so a hostile remark cannot make them slow.
// A delivery time keeps its day (明天上午, 周六下午): "上午" alone would lose which morning.
// Thanks and praise (谢谢, 好评, great service) match none of them: they are not requests.
const PATTERNS: Readonly<Record<RemarkKind, RegExp>> = {
  delivery_time:
    /(?:今天|明天|后天|周[一二三四五六日末]|星期[一二三四五六日天])(?:上午|下午|晚上|中午|早上)|(?:今天|明天|后天)(?:之前|前|送|到)|周[一二三四五六日末]|星期[一二三四五六日天]|工作日|上午|下午|晚上|中午|早上|\d{1,2}\s*[点:]\s*(?:前|后|以前|以后|之前|之后)|\d{1,2}月\d{1,2}[日号]|\d{1,2}[日号](?:前|之前|送|到)|(?:送货|送达|配送|派送|收货)时间|指定(?:日期|时间)|\b(?:deliver(?:y|ed)?)\s+(?:on|by|before|after)\b|\b(?:before|after)\s+\d{1,2}\s*(?:am|pm)?\b|\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\bweekends?\b|\bin the (?:morning|afternoon|evening)\b/i,
  invoice: /发票|开票|抬头|税号|增值税|专票|普票|\binvoice\b|\bvat\b|\breceipt\b|\bfapiao\b/i,
  gift: new RegExp(
    `礼物|礼品|礼盒|包装|贺卡|祝福卡|送人|送朋友|送给|${NO_PAPERS}|${NO_PAPERS_EN}|\\bgifts?\\b|\\bgift[- ]?wrap(?:ping|ped)?\\b|\\bwrap(?:ping)?\\b|\\bgreeting card\\b|\\bno price\\b|\\b(?:a|as a) present\\b`,
    'i',
  ),
  change: /改地址|修改地址|换地址|地址(?:写)?错|改(?:成|为)|换(?:成|为)|\bchange (?:the |my )?(?:address|item)\b|\bwrong address\b|\bswap\b/i,
  variant:
    /(?:颜色|尺码|尺寸|码数|型号|款式|规格)(?:要|改|换|选错|拍错|错|不对)|(?:拍|选|下)错(?:了)?(?:颜色|尺码|尺寸|码|款|型号|规格)|换(?:个)?(?:颜色|尺码|尺寸|码|款|型号)|要[A-Za-z0-9]{1,4}码|\bchange (?:the |my )?(?:size|colou?r|variant|model)\b|\bwrong (?:size|colou?r|variant|model)\b|\b(?:size|colou?r) should be\b|\bin (?:size )?(?:xs|s|m|l|xl|xxl) instead\b/i,
  carrier:
    /顺丰|韵达|圆通|中通|申通|极兔|德邦|百世|京东(?:快递|物流)|邮政|\bems\b|\bsf(?: express)?\b|\byunda\b|\bzto\b|\byto\b|\bj&t\b|\bdhl\b|\bfedex\b|\bups\b|\b(?:ship|send) (?:it )?(?:via|with|by) (?:courier|carrier)\b/i,
  drop_off:
    /放(?:在)?(?:门卫室|门卫|门口|前台|菜鸟驿站|驿站|菜鸟|快递柜|丰巢|物业|保安|传达室|收发室)|门卫室|菜鸟驿站|快递柜|丰巢|代收|\bleave (?:it |the parcel |the package )?(?:at|with|by|outside|in) (?:the )?(?:door|doorstep|porch|reception|front desk|concierge|neighbou?r|locker|gate)\b|\bparcel locker\b|\bpick-?up point\b/i,
  merge:
    /合并(?:发货|发|寄|打包)?|一起发|一起寄|一并发|一块发|同一(?:个)?(?:包裹|快递)|\b(?:ship|send|pack) (?:them |it |everything |both )?(?:all )?together\b|\bcombine (?:the |my |both )?(?:orders|shipments?|parcels)\b|\bmerge (?:the |my |both )?(?:orders|shipments?)\b|\bsame (?:parcel|package|box)\b/i,
  urgency: /急用|着急|加急|尽快|越快越好|马上|今天(?:要|发|到)|\burgent(?:ly)?\b|\basap\b|\brush\b|\bas soon as possible\b|\bexpedite\b/i,
  do_not_call: /不要(?:打)?电话|别打电话|勿电(?:联|话)|不要电联|不接电话|短信联系|\b(?:do not|don't|dont|no) call\b|\bno (?:phone )?calls\b|\btext only\b/i,
};

// Only the start of a remark is read: a request is never buried after a few thousand characters,
// and a 10 MB remark must not cost 10 MB of scanning.
const MAX_SCANNED = 2_000;

/**
 * Finds the special requests in a customer's remark, in zh and en, each with the phrase that
 * matched. `extraKeywords` adds plain phrases per kind (matched case-insensitively as text,
 * never as regular expressions).
 *
 * @example
 * findRemarkRequests('请开发票,周末送货,谢谢') //=> [{ kind: 'delivery_time', phrase: '周末' }, { kind: 'invoice', phrase: '发票' }]
 * findRemarkRequests('谢谢,好评!') //=> []
 */
export function findRemarkRequests(remark: string, extraKeywords: Readonly<Partial<Record<RemarkKind, readonly string[]>>> = {}): RemarkRequest[] {
  const text = remark.slice(0, MAX_SCANNED);
  const lower = text.toLowerCase();
  // "别放发票" asks for no invoice in the parcel: the invoice pattern reads the text without it.
  const withoutNegated = text.replace(NEGATED_PAPERS, (m) => ' '.repeat(m.length));
  const found: RemarkRequest[] = [];
  for (const kind of REMARK_KINDS) {
    const match = PATTERNS[kind].exec(kind === 'invoice' ? withoutNegated : text);
    if (match !== null) {
      found.push({ kind, phrase: match[0] });
      continue;
    }
    const keyword = extraKeywords[kind]?.find((k) => k !== '' && lower.includes(k.toLowerCase()));
    if (keyword !== undefined) found.push({ kind, phrase: keyword });
  }
  return found;
}
