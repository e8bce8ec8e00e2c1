import { defineMessages } from '../define';

/** Screens loaded on demand (issue 15): shown while a screen's code loads, or if it cannot. */
export const lazyScreens = defineMessages(
  {
    'lazy.loading': 'Chargement de l’écran…',
    'lazy.failed': 'Cet écran n’a pas pu être chargé.',
    'lazy.reload': 'Recharger l’application',
  },
  {
    'lazy.loading': 'Loading the screen…',
    'lazy.failed': 'This screen could not be loaded.',
    'lazy.reload': 'Reload the application',
  },
  {
    'lazy.loading': 'A carregar o ecrã…',
    'lazy.failed': 'Não foi possível carregar este ecrã.',
    'lazy.reload': 'Recarregar a aplicação',
  },
  {
    'lazy.loading': 'جارٍ تحميل الشاشة…',
    'lazy.failed': 'تعذّر تحميل هذه الشاشة.',
    'lazy.reload': 'إعادة تحميل التطبيق',
  },
);
