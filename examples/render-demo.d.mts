// Types of render-demo.mjs, for test/demo-golden.test.ts.
import type * as OrderTriage from 'order-triage';

/** The demo shop's name per locale: the signature of its customer messages (`policy.shopName`). */
export declare const SHOP_NAMES: Readonly<Record<'zh-CN' | 'en', string>>;

/** The sample orders and the context (`now`, blacklist, calendar) they are evaluated in. */
export declare function loadSampleOrders(): { now: string; blacklist: object; calendar: object; orders: unknown[] };

/** The demo triage's options: the locale, and `policy.shopName` where the library knows it. */
export declare function demoOptions(orderTriage: typeof OrderTriage, locale: string): OrderTriage.TriageOptions;

/**
 * The demo's text, times in the shop's time zone: with `verbose` (the default) each sample order's
 * findings and full plan; without, the compact summary `npm run demo` prints.
 */
export declare function renderDemo(orderTriage: typeof OrderTriage, options?: { locale?: string; emphasis?: (text: string) => string; verbose?: boolean }): string;

/** What a customer message says without its greeting: the text after the order's id, else the whole text. */
export declare function messageGist(text: string, orderId: string): string;

/** The demo's own words in `locale` (English for any other): the punctuation and labels around the library's text. */
export declare function demoLabels(locale: string): {
  readonly severity: (severity: string) => string;
  readonly owner: (owner: string, catalogue: OrderTriage.MessageCatalogue) => string;
  readonly by: string;
  readonly due: string;
  readonly open: string;
  readonly close: string;
  readonly comma: string;
  readonly [word: string]: unknown;
};
