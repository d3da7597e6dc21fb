import type { FormRule } from 'antd';
import { i18n } from './i18n.ts';

/** How many of the four character classes a password uses: upper case, lower case, digits, symbols. */
export function characterClasses(password: string): number {
  return [/[A-Z]/, /[a-z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
}

/** The server's rule, checked before sending: at least 8 characters, 3 of the 4 classes. */
export function isStrongPassword(password: string): boolean {
  return password.length >= 8 && password.length <= 128 && characterClasses(password) >= 3;
}

export const strongPasswordRule: FormRule = {
  validator: (_, value: string | undefined) =>
    !value || isStrongPassword(value) ? Promise.resolve() : Promise.reject(new Error(i18n.t('password.tooWeak'))),
};
