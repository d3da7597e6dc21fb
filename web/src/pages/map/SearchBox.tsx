import { CloseOutlined } from '@ant-design/icons';
import { Button, Input, Spin, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../app/api.ts';
import { useMapSearch, type SearchResult } from './queries.ts';

const KIND_COLOURS: Record<string, string> = { sub_compartments: 'green', regions: 'purple', grids: 'blue' };

/** 地图搜索: by 小班号, township/village name, grid name or code; a result zooms there. */
export function SearchBox({ onPick }: { onPick: (result: SearchResult) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const search = useMapSearch(query);

  const submit = (value: string) => {
    const q = value.trim();
    setQuery(q);
    setOpen(q.length > 0);
  };

  return (
    <div className="lz-map-search" data-testid="map-search">
      <Input.Search
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          if (!e.target.value) setOpen(false);
        }}
        onSearch={submit}
        placeholder={t('map.search.placeholder')}
        enterButton={t('map.search.button')}
        allowClear
        maxLength={50}
        data-testid="map-search-input"
        aria-label={t('map.search.placeholder')}
      />
      {open && (
        <div className="lz-map-search-results" data-testid="map-search-results">
          <div className="lz-map-search-results-head">
            <span className="lz-muted">{t('map.search.hint')}</span>
            <Button type="text" size="small" icon={<CloseOutlined />} onClick={() => setOpen(false)} aria-label={t('map.search.close')} />
          </div>
          {search.isFetching && (
            <div className="lz-map-search-status">
              <Spin size="small" />
            </div>
          )}
          {search.isError && <div className="lz-map-search-status lz-error-text">{errorMessage(search.error)}</div>}
          {search.data && search.data.length === 0 && (
            <div className="lz-map-search-status lz-muted" data-testid="map-search-empty">
              {t('map.search.empty', { q: query })}
            </div>
          )}
          {search.data && search.data.length > 0 && (
            <ul>
              {search.data.map((r) => (
                <li key={`${r.layer}-${r.id}`}>
                  <button
                    type="button"
                    onClick={() => {
                      onPick(r);
                      setOpen(false);
                    }}
                    data-testid="map-search-result"
                  >
                    <Tag color={KIND_COLOURS[r.layer] ?? 'default'} className="lz-map-search-kind">
                      {r.layer === 'sub_compartments' || r.layer === 'regions' || r.layer === 'grids' ? t(`map.search.kinds.${r.layer}`) : r.layer}
                    </Tag>
                    <span className="lz-map-search-label">{r.layer === 'sub_compartments' ? r.label.replace(/^小班\s*/, '') : r.label}</span>
                    {r.regionPath && <span className="lz-map-search-path">{r.regionPath}</span>}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
