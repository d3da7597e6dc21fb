import { useQueryClient } from '@tanstack/react-query';
import { TreeSelect } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Region } from '../../app/api-types.ts';
import { fetchChildren, fetchPath, regionKeys, useRootRegions } from './queries.ts';

interface Props {
  value?: string | null;
  onChange?: (code: string | undefined) => void;
  placeholder?: string;
  allowClear?: boolean;
  disabled?: boolean;
  style?: React.CSSProperties;
  id?: string;
  'data-testid'?: string;
}

const REGION_STALE = 30 * 60_000;

/**
 * Picks one region inside the user's scope, loading each level when opened. A value chosen
 * before (an edit form) has its ancestors loaded so it shows by name, not by code.
 */
export function RegionTreeSelect({ value, onChange, placeholder, allowClear, disabled, style, id, 'data-testid': testId }: Props) {
  const queryClient = useQueryClient();
  const roots = useRootRegions();
  const [loaded, setLoaded] = useState<Record<string, Region>>({});

  const add = useCallback((regions: Region[]) => {
    setLoaded((current) => {
      if (regions.every((r) => current[r.code])) return current;
      const next = { ...current };
      for (const r of regions) next[r.code] = r;
      return next;
    });
  }, []);

  const loadChildren = useCallback(
    async (code: string) => add(await queryClient.fetchQuery({ queryKey: regionKeys.children(code), queryFn: () => fetchChildren(code), staleTime: REGION_STALE })),
    [queryClient, add],
  );

  const known = useMemo(() => {
    const all = { ...loaded };
    for (const r of roots.data ?? []) all[r.code] = r;
    return all;
  }, [loaded, roots.data]);

  useEffect(() => {
    if (!value || known[value] || !roots.data) return;
    let cancelled = false;
    void (async () => {
      try {
        const path = await queryClient.fetchQuery({ queryKey: regionKeys.path(value), queryFn: () => fetchPath(value), staleTime: REGION_STALE });
        if (cancelled) return;
        add(path);
        await Promise.all(path.slice(0, -1).map((r) => loadChildren(r.code)));
      } catch {
        // The value stays shown as its code; the form still works.
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [value, known, roots.data, queryClient, add, loadChildren]);

  const treeData = useMemo(
    () =>
      Object.values(known).map((r) => ({
        id: r.code,
        pId: r.parentCode && known[r.parentCode] ? r.parentCode : null,
        value: r.code,
        title: r.name,
        isLeaf: r.childCount === 0,
      })),
    [known],
  );

  return (
    <TreeSelect
      id={id}
      treeDataSimpleMode
      treeData={treeData}
      value={value ?? undefined}
      onChange={(code: string | undefined) => onChange?.(code)}
      loadData={(node) => loadChildren(String(node.value))}
      placeholder={placeholder}
      allowClear={allowClear}
      disabled={disabled}
      loading={roots.isPending}
      showSearch
      treeNodeFilterProp="title"
      popupMatchSelectWidth={false}
      style={style}
      data-testid={testId}
    />
  );
}
