import { defineMessages } from '../define';

/** Automatic daily backups (issue 6), in Settings. */
export const autoBackup = defineMessages(
  {
    'autoBackup.title': 'Sauvegarde automatique',
    'autoBackup.intro':
      'Chaque jour, Passerelle enregistre une sauvegarde chiffrée de toute la base dans le dossier de l’application sur cet ordinateur, et garde les plus récentes. Copiez-les de temps en temps ailleurs : un disque qui lâche les emporte avec lui.',
    'autoBackup.webOnly':
      'Les sauvegardes automatiques se font dans l’application de bureau seulement : un navigateur n’a pas de dossier où les enregistrer. Ici, faites des sauvegardes à la main (Échanges → Sauvegarde).',
    'autoBackup.enabled': 'Sauvegarder automatiquement chaque jour',
    'autoBackup.keep': 'Sauvegardes à garder',
    'autoBackup.keepHint': 'De 1 à 60 ; au-delà, les plus anciennes sont supprimées.',
    'autoBackup.passphrase': 'Phrase de passe des sauvegardes',
    'autoBackup.passphraseConfirm': 'Confirmez la phrase de passe',
    'autoBackup.passphraseHint':
      'Au moins {min} caractères. Gardée chiffrée avec la clé des données de ce poste. Notez-la à part : sans elle, aucune sauvegarde ne peut être restaurée.',
    'autoBackup.passphraseSet':
      'Une phrase de passe est enregistrée ; laissez ces champs vides pour la garder.',
    'autoBackup.save': 'Enregistrer la sauvegarde automatique',
    'autoBackup.saved': 'Réglages de sauvegarde automatique enregistrés.',
    'autoBackup.now': 'Sauvegarder maintenant',
    'autoBackup.working': 'Sauvegarde en cours…',
    'autoBackup.done': 'Sauvegarde enregistrée : {name}.',
    'autoBackup.last': 'Dernière sauvegarde automatique : {date}.',
    'autoBackup.never': 'Aucune sauvegarde automatique pour l’instant.',
    'autoBackup.files': 'Fichiers dans le dossier de l’application',
    'autoBackup.filesEmpty': 'Aucun fichier de sauvegarde.',
    'autoBackup.fileSize': '{size} Ko',
    'autoBackup.locked':
      'La clé des données n’est pas déverrouillée : reconnectez-vous pour changer la phrase de passe ou sauvegarder.',
    'autoBackup.error.keep': 'Le nombre de sauvegardes va de 1 à 60.',
    'autoBackup.error.passphraseShort':
      'La phrase de passe doit compter au moins {min} caractères.',
    'autoBackup.error.passphraseMissing':
      'Choisissez une phrase de passe pour activer la sauvegarde automatique.',
    'autoBackup.error.noKey': 'La clé des données n’est pas déverrouillée.',
    'autoBackup.error.mismatch': 'Les deux phrases de passe diffèrent.',
    'autoBackup.failed': 'La sauvegarde automatique du {date} a échoué : {reason}',
    'autoBackup.reason.passphrase':
      'la phrase de passe enregistrée ne s’ouvre plus avec la clé des données ; saisissez-la de nouveau.',
    'autoBackup.reason.export': 'la base n’a pas pu être lue.',
    'autoBackup.reason.write':
      'le fichier n’a pas pu être écrit (disque plein ou dossier protégé ?).',
    'autoBackup.reason.unsupported': 'ce poste n’a pas de dossier d’application.',
  },
  {
    'autoBackup.title': 'Automatic backup',
    'autoBackup.intro':
      'Every day, Passerelle saves an encrypted backup of the whole database in the app’s folder on this computer and keeps the most recent ones. Copy them elsewhere now and then: a failing disk takes them with it.',
    'autoBackup.webOnly':
      'Automatic backups happen in the desktop app only: a browser has no folder to save them in. Here, make backups by hand (Exchange → Backup).',
    'autoBackup.enabled': 'Back up automatically every day',
    'autoBackup.keep': 'Backups to keep',
    'autoBackup.keepHint': 'From 1 to 60; older ones are deleted.',
    'autoBackup.passphrase': 'Backup passphrase',
    'autoBackup.passphraseConfirm': 'Confirm the passphrase',
    'autoBackup.passphraseHint':
      'At least {min} characters. Kept encrypted with this computer’s data key. Write it down apart: without it, no backup can be restored.',
    'autoBackup.passphraseSet': 'A passphrase is saved; leave these fields empty to keep it.',
    'autoBackup.save': 'Save automatic backup',
    'autoBackup.saved': 'Automatic backup settings saved.',
    'autoBackup.now': 'Back up now',
    'autoBackup.working': 'Backing up…',
    'autoBackup.done': 'Backup saved: {name}.',
    'autoBackup.last': 'Last automatic backup: {date}.',
    'autoBackup.never': 'No automatic backup yet.',
    'autoBackup.files': 'Files in the app’s folder',
    'autoBackup.filesEmpty': 'No backup file.',
    'autoBackup.fileSize': '{size} KB',
    'autoBackup.locked':
      'The data key is not unlocked: log in again to change the passphrase or back up.',
    'autoBackup.error.keep': 'The number of backups goes from 1 to 60.',
    'autoBackup.error.passphraseShort': 'The passphrase must have at least {min} characters.',
    'autoBackup.error.passphraseMissing': 'Choose a passphrase to turn automatic backup on.',
    'autoBackup.error.noKey': 'The data key is not unlocked.',
    'autoBackup.error.mismatch': 'The two passphrases differ.',
    'autoBackup.failed': 'The automatic backup of {date} failed: {reason}',
    'autoBackup.reason.passphrase':
      'the saved passphrase no longer opens with the data key; enter it again.',
    'autoBackup.reason.export': 'the database could not be read.',
    'autoBackup.reason.write': 'the file could not be written (disk full or protected folder?).',
    'autoBackup.reason.unsupported': 'this computer has no app folder.',
  },
);
