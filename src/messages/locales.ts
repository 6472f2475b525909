import type { MessageCatalogue } from './catalogue.js';
import { en } from './en.js';
import { zhCN } from './zh-cn.js';

/** The locales order-triage writes in. */
export const LOCALES = ['zh-CN', 'en'] as const;

/** A supported locale. */
export type Locale = (typeof LOCALES)[number];

/** The message catalogue of each locale. */
export const messageCatalogues: Readonly<Record<Locale, MessageCatalogue>> = { 'zh-CN': zhCN, en };
