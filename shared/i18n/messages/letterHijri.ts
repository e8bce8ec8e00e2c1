import { defineMessages } from '../define';

/** The Umm al-Qura (Hijri) date beside the Gregorian one on letters (issue 18). */
export const letterHijri = defineMessages(
  {
    'letterHijri.setting':
      'Dater les lettres aussi selon le calendrier hégirien (Umm al-Qura), à côté de la date grégorienne',
    'letterHijri.dateWithHijri': '{gregorian} ({hijri})',
  },
  {
    'letterHijri.setting':
      'Also date letters in the Hijri calendar (Umm al-Qura), beside the Gregorian date',
    'letterHijri.dateWithHijri': '{gregorian} ({hijri})',
  },
  {
    'letterHijri.setting':
      'Datar as cartas também no calendário da Hégira (Umm al-Qura), ao lado da data gregoriana',
    'letterHijri.dateWithHijri': '{gregorian} ({hijri})',
  },
  {
    'letterHijri.setting': 'تأريخ الخطابات بالتقويم الهجري (أم القرى) أيضاً، بجانب التاريخ الميلادي',
    'letterHijri.dateWithHijri': '{gregorian}م الموافق {hijri}',
  },
);
