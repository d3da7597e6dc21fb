import type { zhCN } from './locales/zh-CN.ts';

// Type-checked translation keys: t('menu.pepole') is a compile error, not a blank label.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof zhCN };
  }
}
