import { defineMessages } from '../define';

/**
 * Length and size messages that say what the limit is (issue 19): "at most 200 characters".
 * The number comes from the schema that refused the value (shared/domain/validation.ts).
 */
export const validationLimits = defineMessages(
  {
    'limits.tooLong': 'Ce texte est trop long : {max} caractères au plus.',
    'limits.tooShort': 'Ce texte est trop court : {min} caractères au moins.',
    'limits.tooLarge': 'Le nombre est trop grand : {max} au plus.',
    'limits.tooMany': 'Trop d’éléments choisis : {max} au plus.',
    'limits.passwordTooLong': 'Le mot de passe est trop long : {max} caractères au plus.',
    'limits.passwordTooShort': 'Le mot de passe doit compter au moins {min} caractères.',
  },
  {
    'limits.tooLong': 'This text is too long: at most {max} characters.',
    'limits.tooShort': 'This text is too short: at least {min} characters.',
    'limits.tooLarge': 'The number is too large: at most {max}.',
    'limits.tooMany': 'Too many items chosen: at most {max}.',
    'limits.passwordTooLong': 'The password is too long: at most {max} characters.',
    'limits.passwordTooShort': 'The password must have at least {min} characters.',
  },
  {
    'limits.tooLong': 'Este texto é demasiado longo: no máximo {max} caracteres.',
    'limits.tooShort': 'Este texto é demasiado curto: pelo menos {min} caracteres.',
    'limits.tooLarge': 'O número é demasiado grande: no máximo {max}.',
    'limits.tooMany': 'Demasiados elementos escolhidos: no máximo {max}.',
    'limits.passwordTooLong': 'A palavra-passe é demasiado longa: no máximo {max} caracteres.',
    'limits.passwordTooShort': 'A palavra-passe deve ter pelo menos {min} caracteres.',
  },
  {
    'limits.tooLong': 'هذا النص طويل جداً: الحد الأقصى لعدد الأحرف هو {max}.',
    'limits.tooShort': 'هذا النص قصير جداً: الحد الأدنى لعدد الأحرف هو {min}.',
    'limits.tooLarge': 'العدد كبير جداً: الحد الأقصى هو {max}.',
    'limits.tooMany': 'عدد العناصر المختارة كبير جداً: الحد الأقصى هو {max}.',
    'limits.passwordTooLong': 'كلمة المرور طويلة جداً: الحد الأقصى لعدد الأحرف هو {max}.',
    'limits.passwordTooShort': 'يجب ألا يقل عدد أحرف كلمة المرور عن {min}.',
  },
);
