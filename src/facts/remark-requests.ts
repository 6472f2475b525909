/** The kinds of special request a customer's remark can make. */
export const REMARK_KINDS = ['delivery_time', 'invoice', 'gift', 'change', 'urgency', 'do_not_call'] as const;

/** A kind of special request. */
export type RemarkKind = (typeof REMARK_KINDS)[number];

/** A request found in a remark, with the phrase that shows it. */
export interface RemarkRequest {
  readonly kind: RemarkKind;
  readonly phrase: string;
}

// Fixed, linear patterns (no nested quantifiers), so a hostile remark cannot make them slow.
// Thanks and praise (谢谢, 好评, great service) match none of them: they are not requests.
const PATTERNS: Readonly<Record<RemarkKind, RegExp>> = {
  delivery_time:
    /周[一二三四五六日末]|星期[一二三四五六日天]|工作日|上午|下午|晚上|中午|早上|\d{1,2}\s*[点:]\s*(?:前|后|以前|以后|之前|之后)|\d{1,2}月\d{1,2}[日号]|\d{1,2}[日号](?:前|之前|送|到)|(?:送货|送达|配送|派送|收货)时间|指定(?:日期|时间)|\b(?:deliver(?:y|ed)?)\s+(?:on|by|before|after)\b|\b(?:before|after)\s+\d{1,2}\s*(?:am|pm)?\b|\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\bweekends?\b|\bin the (?:morning|afternoon|evening)\b/i,
  invoice: /发票|开票|抬头|税号|增值税|专票|普票|\binvoice\b|\bvat\b|\breceipt\b|\bfapiao\b/i,
  gift: /礼物|礼品|礼盒|包装|贺卡|祝福卡|不要(?:放)?(?:价格|价签|小票)|\bgifts?\b|\bgift[- ]?wrap(?:ping|ped)?\b|\bwrap(?:ping)?\b|\bgreeting card\b|\bno price\b/i,
  change:
    /改地址|修改地址|换地址|地址(?:写)?错|改(?:成|为)|换(?:成|为)|换(?:个)?(?:颜色|尺码|码|款)|\bchange (?:the |my )?(?:address|size|colou?r|item)\b|\bwrong (?:address|size)\b|\bswap\b/i,
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
  const found: RemarkRequest[] = [];
  for (const kind of REMARK_KINDS) {
    const match = PATTERNS[kind].exec(text);
    if (match !== null) {
      found.push({ kind, phrase: match[0] });
      continue;
    }
    const keyword = extraKeywords[kind]?.find((k) => k !== '' && lower.includes(k.toLowerCase()));
    if (keyword !== undefined) found.push({ kind, phrase: keyword });
  }
  return found;
}
