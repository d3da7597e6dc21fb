import { CloseOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button } from 'antd';
import type { Geometry } from 'geojson';
import type { TerraDraw } from 'terra-draw';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, isApiError } from '../../app/api.ts';
import { BlockSpin, ErrorResult } from '../../app/feedback.tsx';
import { drawnShapes, loadShapes } from '../../map/draw.ts';
import { joinAfterEditing, splitForEditing, type EditingPlan } from '../../map/geometry.ts';
import { useShapeSummary } from './DrawPanel.tsx';
import type { EditableLayer } from './FeaturePanel.tsx';
import { fetchEditable, mapKeys, updateGeometry } from './queries.ts';

interface Props {
  draw: TerraDraw | null;
  layer: EditableLayer;
  id: number;
  label: string;
  onClose: () => void;
  onSaved: (layer: EditableLayer, id: number) => void;
}

/** The server's words for a refused shape, with each field problem on its own line. */
function problemText(error: unknown): string[] {
  if (!isApiError(error)) return [errorMessage(error)];
  const fields = error.fields.map((f) => f.message);
  return fields.length > 1 ? fields : [error.message];
}

/** 修改范围: the vertices of a key risk area or of a grid in a draft plan, edited on the map and saved with PATCH. */
export function EditPanel({ draw, layer, id, label, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const record = useQuery({ queryKey: layer === 'risk_areas' ? mapKeys.risk(id) : mapKeys.grid(id), queryFn: () => fetchEditable(layer, id), staleTime: 0 });
  // The shape as it is edited; until the first change, the stored one.
  const [edited, setEdited] = useState<Geometry | null>(null);
  const [saving, setSaving] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);
  const summary = useShapeSummary();
  const stored = record.data?.geometry;
  const split = useMemo(() => (stored ? splitForEditing(stored) : null), [stored]);
  const plan: EditingPlan | null = split?.plan ?? null;
  const geometry = edited ?? (split ? joinAfterEditing(split.parts, split.plan) : null);

  useEffect(() => {
    if (!draw || !split) return;
    loadShapes(draw, split.parts);
    const onChange = () => setEdited(joinAfterEditing(drawnShapes(draw), split.plan));
    draw.on('change', onChange);
    return () => {
      draw.off('change', onChange);
      try {
        draw.clear();
        draw.setMode('static');
      } catch {
        // The map is already gone.
      }
    };
  }, [draw, split]);

  const save = async () => {
    if (!geometry) return;
    setProblems([]);
    setSaving(true);
    try {
      await updateGeometry(layer, id, geometry);
      onSaved(layer, id);
    } catch (error) {
      setProblems(problemText(error));
    } finally {
      setSaving(false);
    }
  };

  const hasHoles = plan?.holes.some((h) => h.length > 0) ?? false;
  const reading = summary(geometry);

  return (
    <div className="lz-map-card lz-draw" data-testid="edit-panel">
      <div className="lz-map-card-head">
        <div className="lz-map-card-title">{t('map.draw.editTitle', { name: label })}</div>
        <Button type="text" icon={<CloseOutlined />} onClick={onClose} aria-label={t('map.draw.close')} data-testid="edit-close" />
      </div>
      <div className="lz-map-card-body">
        {record.isPending && <BlockSpin minHeight={100} />}
        {record.isError && <ErrorResult error={record.error} onRetry={() => void record.refetch()} compact />}
        {record.data && (
          <>
            <p className="lz-map-hint">{t('map.draw.hints.edit')}</p>
            {hasHoles && <p className="lz-map-hint">{t('map.draw.holesKept')}</p>}
            {reading && (
              <div className="lz-draw-status">
                <span className="lz-draw-done">{reading}</span>
              </div>
            )}
            {problems.length > 0 && (
              <Alert
                type="error"
                showIcon
                className="lz-draw-error"
                data-testid="edit-error"
                title={problems.length === 1 ? problems[0] : <ul className="lz-problem-list">{problems.map((p) => <li key={p}>{p}</li>)}</ul>}
              />
            )}
            <div className="lz-draw-actions">
              <Button onClick={onClose}>{t('map.draw.cancel')}</Button>
              <Button type="primary" onClick={() => void save()} loading={saving} disabled={!geometry} data-testid="edit-save">
                {t('map.draw.save')}
              </Button>
            </div>
          </>
        )}
      </div>
    </div>
  );
}
