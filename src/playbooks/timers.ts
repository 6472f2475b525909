import type { Policy } from '../policy/policy.js';
import type { FindingCode } from './action.js';
import type { Told } from './told.js';

/** A section as the timers read it: the code it belongs to and its contact draft's topic and options. */
interface TimedSection {
  readonly code: FindingCode;
  readonly draft: { readonly params: { readonly reason: string; readonly options?: readonly string[] } };
}

/** Topics a progress update repeats while their finding is open. */
const UPDATE_TOPICS: ReadonlySet<string> = new Set(['tracking_stalled', 'delivery_delayed']);

/** What the clock asks of the order's message and case (docs/lifecycle.md, "Timers"). */
export interface Timers {
  /** Topics told before to tell again, with the tag their key gets (`#reminder-1`, `#update-2`). */
  readonly retell: ReadonlyMap<string, string>;
  /** Whether the message reminds the customer of a question they have not answered. */
  readonly reminder: boolean;
  /** Codes whose customer stayed silent past the last reminder: the case escalates. */
  readonly silent: readonly FindingCode[];
}

/**
 * Runs the case's timers against what earlier messages told: a question unanswered for
 * `policy.followUp.customerReplyHours` is asked again (up to `maxReminders` times, then the case
 * escalates); an open delay or stalled parcel gets a progress update every `updateEveryHours`.
 *
 * @example
 * runTimers(sections, toldBefore(order), policy, now) //=> { retell: Map { 'oversold_choice' => '#reminder-1' }, reminder: true, silent: [] }
 */
export function runTimers(sections: readonly TimedSection[], told: Told, policy: Policy, now: number): Timers {
  const { customerReplyHours, maxReminders, updateEveryHours } = policy.followUp;
  const retell = new Map<string, string>();
  const silent: FindingCode[] = [];
  let reminder = false;
  for (const { code, draft } of sections) {
    const topic = draft.params.reason;
    const before = told.topics.get(topic);
    if (before === undefined) continue;
    if ((draft.params.options?.length ?? 0) > 0) {
      if (now - before.last < customerReplyHours * 3_600_000) continue;
      if (before.count <= maxReminders) {
        retell.set(topic, `#reminder-${before.count}`);
        reminder = true;
      } else if (!silent.includes(code)) silent.push(code);
    } else if (UPDATE_TOPICS.has(topic) && now - before.last >= updateEveryHours * 3_600_000) {
      retell.set(topic, `#update-${before.count + 1}`);
    }
  }
  return { retell, reminder, silent };
}
