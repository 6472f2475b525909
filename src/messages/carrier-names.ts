// Each carrier: the codes shops and marketplaces use for it, its Chinese and its English name.
const CARRIERS: readonly (readonly [codes: readonly string[], zhCN: string, en: string])[] = [
  [['SF', 'SFEXPRESS', 'SF_EXPRESS'], '顺丰速运', 'SF Express'],
  [['ZTO'], '中通快递', 'ZTO Express'],
  [['YTO'], '圆通速递', 'YTO Express'],
  [['STO'], '申通快递', 'STO Express'],
  [['YUNDA', 'YD'], '韵达快递', 'Yunda Express'],
  [['JD', 'JDL'], '京东物流', 'JD Logistics'],
  [['EMS', 'CHINAPOST', 'CHINA_POST'], '中国邮政EMS', 'China Post EMS'],
  [['JT', 'JTEXPRESS', 'J&T'], '极兔速递', 'J&T Express'],
  [['DBL', 'DEPPON'], '德邦快递', 'Deppon Express'],
  [['CAINIAO'], '菜鸟', 'Cainiao'],
  [['UPS'], 'UPS', 'UPS'],
  [['FEDEX', 'FDX'], '联邦快递（FedEx）', 'FedEx'],
  [['DHL'], 'DHL', 'DHL'],
  [['USPS'], '美国邮政（USPS）', 'USPS'],
];

/**
 * The form a carrier code is looked up by: trimmed, upper case, so `sf`, `SF` and ` Sf ` are one carrier.
 *
 * @example
 * carrierKey(' jdl ') //=> 'JDL'
 */
export function carrierKey(carrier: string): string {
  return carrier.trim().toUpperCase();
}

function table(column: 1 | 2): ReadonlyMap<string, string> {
  return new Map(CARRIERS.flatMap((row) => row[0].map((code) => [code, row[column]] as const)));
}

/** Chinese carrier names by {@link carrierKey}. */
export const ZH_CN_CARRIERS: ReadonlyMap<string, string> = table(1);
/** English carrier names by {@link carrierKey}. */
export const EN_CARRIERS: ReadonlyMap<string, string> = table(2);

/**
 * A `carrierName` over a table keyed by {@link carrierKey}: a known carrier by the name people
 * know it by, any other as given.
 *
 * @example
 * carrierNameFrom(ZH_CN_CARRIERS)('sf') //=> '顺丰速运'
 * carrierNameFrom(ZH_CN_CARRIERS)('XYZ') //=> 'XYZ'
 */
export function carrierNameFrom(names: ReadonlyMap<string, string>): (carrier: string) => string {
  return (carrier) => names.get(carrierKey(carrier)) ?? carrier;
}

/**
 * `catalogue` with `extra` carrier names (the `carrierNames` option, in the catalogue's
 * language) looked up first, case-insensitively, then the catalogue's own.
 *
 * @example
 * withCarrierNames(messageCatalogues['zh-CN'], new Map([['XYZ', 'XYZ 快运']])).carrierName('xyz') //=> 'XYZ 快运'
 */
export function withCarrierNames<C extends { readonly carrierName: (carrier: string) => string }>(catalogue: C, extra: ReadonlyMap<string, string>): C {
  if (extra.size === 0) return catalogue;
  const names = new Map([...extra].map(([code, name]) => [carrierKey(code), name] as const));
  const own = catalogue.carrierName;
  return { ...catalogue, carrierName: (carrier) => names.get(carrierKey(carrier)) ?? own(carrier) };
}
