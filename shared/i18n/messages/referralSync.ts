import { defineMessages } from '../define';

/** Referrals between offices (sync) and case data sealed at rest. */
export const referralSync = defineMessages(
  {
    'referrals.error.locked':
      'Les données des dossiers sont verrouillées : saisissez votre mot de passe pour les ouvrir.',
    'referrals.error.otherSide':
      'Cette réponse revient à l’autre bureau : le bureau orienteur envoie et retire, le bureau du service destinataire accepte, refuse et clôt.',
    'referrals.error.notOwner':
      'Seul le bureau orienteur modifie cette orientation et son consentement.',
    'referrals.error.changed':
      'L’orientation a changé entre-temps (autre fenêtre ou synchronisation) : réessayez.',
    'referrals.detail.receiving': 'Bureau qui répond',
    'referrals.detail.fromOffice':
      'Orientation reçue du bureau {office} : vous pouvez l’accepter, la refuser ou la clore.',
    'referrals.detail.toOffice':
      'Le bureau {office} répond pour ce service : son acceptation ou son refus arrivera par la synchronisation.',
    'referrals.event.withoutEffect': 'sans effet',
    'referrals.event.office': 'bureau {office}',
    'referrals.sync.locked':
      'Des orientations attendent d’être synchronisées : elles le seront quand les données des dossiers seront ouvertes (reconnectez-vous).',
  },
  {
    'referrals.error.locked': 'Case data is locked: enter your password to open it.',
    'referrals.error.otherSide':
      'This answer belongs to the other office: the referring office sends and withdraws, the receiving service’s office accepts, declines and completes.',
    'referrals.error.notOwner': 'Only the referring office changes this referral and its consent.',
    'referrals.error.changed':
      'The referral changed in the meantime (another window or a sync): try again.',
    'referrals.detail.receiving': 'Answering office',
    'referrals.detail.fromOffice':
      'Referral received from office {office}: you may accept, decline or complete it.',
    'referrals.detail.toOffice':
      'Office {office} answers for this service: its acceptance or refusal will arrive by sync.',
    'referrals.event.withoutEffect': 'without effect',
    'referrals.event.office': 'office {office}',
    'referrals.sync.locked':
      'Referrals are waiting to be synced: they will be once case data is unlocked (log in again).',
  },
);
