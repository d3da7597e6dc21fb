import type { ThemeConfig } from 'antd';

/** Forestry green on quiet greys: a working tool for offices, not a poster. */
export const BRAND = {
  primary: '#2f6b3a',
  header: '#1f4a28',
  headerText: '#f1f7ef',
  page: '#f3f5f2',
} as const;

const FONT =
  "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', " +
  "'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'Helvetica Neue', Arial, sans-serif";

export const theme: ThemeConfig = {
  token: {
    colorPrimary: BRAND.primary,
    colorLink: BRAND.primary,
    colorInfo: BRAND.primary,
    borderRadius: 6,
    fontFamily: FONT,
    colorBgLayout: BRAND.page,
  },
  components: {
    Layout: { headerBg: BRAND.header, headerHeight: 56, headerPadding: '0 20px', siderBg: '#ffffff' },
    Menu: { itemSelectedBg: '#e7f1e5', itemSelectedColor: BRAND.primary, itemBorderRadius: 6 },
    Table: { headerBg: '#f6f8f5' },
    Tree: { nodeSelectedBg: '#dcebd8', nodeSelectedColor: '#1f4a28', nodeHoverBg: '#eef4ec' },
  },
};
