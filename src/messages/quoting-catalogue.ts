import type { MessageCatalogue, SummaryInput } from './catalogue.js';
import type { CustomerTexts } from './customer-texts.js';
import { QUOTE_LIMIT, quoteText, quoteValues } from './plain-text.js';

type Template = (m: never) => string;

function quoting<F extends Template>(template: F): F {
  return ((m: unknown) => template(quoteValues(m) as never)) as unknown as F;
}

function quotingAll<R extends Readonly<Record<string, Template>>>(templates: R): R {
  const wrapped: Record<string, Template> = {};
  for (const key of Object.keys(templates)) wrapped[key] = quoting(templates[key] as Template);
  return wrapped as unknown as R;
}

/** A summary sees the order's id, and the carrier fact, quoted; everything else as it is. */
function quotingSummary(template: (input: SummaryInput) => string): (input: SummaryInput) => string {
  return (input) => {
    const { order, facts } = input;
    const carrier: unknown = facts['shipment.carrier'];
    const longCarrier = typeof carrier === 'string' && carrier.length > QUOTE_LIMIT;
    if (order.id.length <= QUOTE_LIMIT && !longCarrier) return template(input);
    // A view over the lazily derived facts: reads fall through to them, one fact is replaced.
    const view = longCarrier ? (Object.create(facts, { 'shipment.carrier': { value: quoteText(carrier as string) } }) as typeof facts) : facts;
    return template({ ...input, order: { ...order, id: quoteText(order.id) }, facts: view });
  };
}

/** Sections and remedies quote what they are given; the composed message quotes only the order id and the shop's name (its parts are already quoted). */
function quotingCustomer(customer: CustomerTexts): CustomerTexts {
  return {
    ...customer,
    sections: quotingAll(customer.sections),
    remedies: quotingAll(customer.remedies),
    options: (options) => customer.options(options.map(quoteText)),
    compose: (m) => customer.compose({ ...m, orderId: quoteText(m.orderId), shopName: m.shopName === undefined ? undefined : quoteText(m.shopName) }),
    followUpSurvey: quoting(customer.followUpSurvey),
  };
}

/**
 * The catalogue a triage writes with: every value a template is given (the order id, a remark,
 * a carrier, a product's name, an action's parameters, ...) is quoted by {@link quoteText} first, so a text never
 * quotes more than 200 characters of any one value, whichever catalogue (built-in or the
 * caller's) writes it. What each text may quote is listed in docs/messages.md.
 *
 * @example
 * const en = quotingCatalogue(messageCatalogues.en);
 * en.internal.remark({ orderId: 'A', remark: 'x'.repeat(1000) }).length //=> under 300
 */
export function quotingCatalogue(catalogue: MessageCatalogue): MessageCatalogue {
  const summaries: Record<string, (input: SummaryInput) => string> = {};
  for (const code of Object.keys(catalogue.summaries)) {
    summaries[code] = quotingSummary(catalogue.summaries[code as keyof MessageCatalogue['summaries']]);
  }
  return {
    ...catalogue,
    summaries: summaries as unknown as MessageCatalogue['summaries'],
    batch: { ...catalogue.batch, summaries: quotingAll(catalogue.batch.summaries) },
    ruleSummary: quoting(catalogue.ruleSummary),
    customer: quotingCustomer(catalogue.customer),
    staffNote: quoting(catalogue.staffNote),
    internal: quotingAll(catalogue.internal),
    carrierName: (carrier) => catalogue.carrierName(quoteText(carrier)),
    productName: (name) => catalogue.productName(quoteText(name)),
    codeName: (code) => catalogue.codeName(quoteText(code)),
    label: (vocabulary, value) => catalogue.label(vocabulary, quoteText(String(value))),
  };
}
