import { useTranslation } from 'react-i18next';

const ITEMS = ['totalLand', 'subCompartments', 'forestLand', 'forest', 'coverage', 'stock', 'natural', 'publicWelfare', 'species', 'age', 'methodRegion', 'methodArea', 'codes', 'recompute'] as const;

/** What each figure means and how it is computed (docs/resource-list.md), in the reader's words. */
export function Definitions() {
  const { t } = useTranslation();
  return (
    <dl className="lz-definitions" style={{ margin: 0 }}>
      {ITEMS.map((key) => (
        <div key={key}>
          <dt>{t(`resources.defTitles.${key}`)}</dt>
          <dd>{t(`resources.defs.${key}`)}</dd>
        </div>
      ))}
    </dl>
  );
}
