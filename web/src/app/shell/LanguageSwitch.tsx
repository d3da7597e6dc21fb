import { GlobalOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../i18n.ts';

// Each language is named in itself, whatever the current interface language, so anyone can find theirs.
const LABELS: Record<Language, string> = { 'zh-CN': '简体中文', en: 'English' };

/** Switches the interface language; the choice is remembered in this browser. */
export function LanguageSwitch({ dark = false }: { dark?: boolean }) {
  const { i18n, t } = useTranslation();
  const current: Language = i18n.language === 'en' ? 'en' : 'zh-CN';
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        selectable: true,
        selectedKeys: [current],
        items: LANGUAGES.map((language) => ({
          key: language,
          label: <span data-testid={`language-${language}`}>{LABELS[language]}</span>,
        })),
        onClick: ({ key }) => void i18n.changeLanguage(key),
      }}
    >
      <Button type="text" className={dark ? 'lz-header-btn' : undefined} icon={<GlobalOutlined />} aria-label={t('shell.language')} data-testid="language-switch">
        {LABELS[current]}
      </Button>
    </Dropdown>
  );
}
