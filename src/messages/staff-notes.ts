import { readOwn } from '../_lib/own-key.js';
import type { ActionKind } from '../vocabulary/action-kind.js';
import type { ActionParams } from '../vocabulary/action-params.js';
import type { MessageCatalogue } from './catalogue.js';
import type { MessageKit } from './message-kit.js';

/** What a staff note for one action kind is written from: its parameters, typed by kind. */
export interface StaffNoteInput<K extends ActionKind> {
  readonly orderId: string;
  readonly params: ActionParams<K>;
  /** Formats money in the order's currency. */
  readonly kit: MessageKit;
}

/**
 * One staff note per action kind, keyed by the `ActionKind` union: a new kind is a type error in
 * each built-in locale until its note is written (docs/messages.md).
 */
export type StaffNotes = { readonly [K in ActionKind]: (input: StaffNoteInput<K>) => string };

type AnyNote = (input: { orderId: string; params: unknown; kit: MessageKit }) => string;

/**
 * A catalogue's `staffNote` from a record of notes per kind; a kind outside the record (never one
 * of ours) gets `fallback`.
 *
 * @example
 * const staffNote = staffNoteFrom(notes, (orderId, kind) => `Order ${orderId}: ${kind}.`);
 * staffNote({ orderId: 'A1', kind: 'retry_sync', params: { system: 'wms' }, kit }) //=> 'Order A1: retry the sync to wms.'
 */
export function staffNoteFrom(notes: StaffNotes, fallback: (orderId: string, kind: string) => string): MessageCatalogue['staffNote'] {
  const byKind = notes as unknown as Readonly<Record<string, AnyNote>>;
  return ({ orderId, kind, params, kit }) => {
    const note = readOwn(byKind, kind);
    return note === undefined ? fallback(orderId, kind) : note({ orderId, params, kit });
  };
}
