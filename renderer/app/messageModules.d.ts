/** The interface language's strings, one module per language (scripts/viteCatalogues.ts). */
declare module 'virtual:passerelle-messages/*' {
  import type { MessageId } from '@shared/i18n/catalogues';

  const messages: Readonly<Record<MessageId, string>>;
  export default messages;
}
