import { useQueryClient } from '@tanstack/react-query';
import { TreeSelect } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Region } from '../../app/api-types.ts';
import { fetchChildren, fetchPath, regionKeys, useRegionSearch, useRootRegions } from './queries.ts';

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

/** How long typing pauses before the server is asked. */
const SEARCH_DELAY_MS = 250;

/**
 * Picks one region inside the user's scope, loading each level when opened. Typing searches the
 * whole scope on the server (by name or the start of a code), so 水东镇 is found without opening
 * its county first. A value chosen before (an edit form) has its ancestors loaded so it shows by
 * name, not by code.
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

  const [typed, setTyped] = useState('');
  const [term, setTerm] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setTerm(typed.trim()), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [typed]);
  const found = useRegionSearch(term);
  const matched = useMemo(() => new Set((found.data?.matches ?? []).map((r) => r.code)), [found.data]);
  // While searching, the branches leading to the matches stand open; otherwise the user's own.
  const [expanded, setExpanded] = useState<Array<string | number>>([]);
  const searching = typed.trim() !== '' && !!found.data;
  const searchExpanded = useMemo(() => (found.data?.ancestors ?? []).map((r) => r.code), [found.data]);

  const known = useMemo(() => {
    const all = { ...loaded };
    for (const r of [...(roots.data ?? []), ...(found.data?.ancestors ?? []), ...(found.data?.matches ?? [])]) all[r.code] ??= r;
    return all;
  }, [loaded, roots.data, found.data]);

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
      loading={roots.isPending || (typed.trim() !== '' && (typed.trim() !== term || found.isFetching))}
      showSearch
      searchValue={typed}
      onSearch={setTyped}
      treeExpandedKeys={searching ? searchExpanded : expanded}
      onTreeExpand={setExpanded}
      filterTreeNode={(input, node) => matched.has(String(node.value)) || (typeof node.title === 'string' && node.title.includes(input.trim()))}
      onBlur={() => setTyped('')}
      popupMatchSelectWidth={false}
      style={style}
      data-testid={testId}
    />
  );
}
