import { useQueryClient } from '@tanstack/react-query';
import { App, Tree, type TreeDataNode } from 'antd';
import { useCallback, useEffect, useMemo, useState, type Key } from 'react';
import { errorMessage } from '../../app/api.ts';
import type { Region } from '../../app/api-types.ts';
import { fetchChildren, fetchPath, regionKeys } from './queries.ts';

interface Props {
  roots: Region[];
  selected: string | undefined;
  onSelect: (code: string) => void;
}

const REGION_STALE = 30 * 60_000;

/** The region hierarchy from the user's scope down, loading each level when it is opened. */
export function RegionTree({ roots, selected, onSelect }: Props) {
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [childrenOf, setChildrenOf] = useState<Record<string, Region[]>>({});
  const [expanded, setExpanded] = useState<Key[]>([]);

  const loadChildren = useCallback(
    async (code: string) => {
      const children = await queryClient.fetchQuery({ queryKey: regionKeys.children(code), queryFn: () => fetchChildren(code), staleTime: REGION_STALE });
      setChildrenOf((current) => (current[code] ? current : { ...current, [code]: children }));
    },
    [queryClient],
  );

  // One root (the usual case: a county or a township): open it, so the first level shows at once.
  useEffect(() => {
    const only = roots.length === 1 ? roots[0] : undefined;
    if (!only || only.childCount === 0) return;
    let cancelled = false;
    void (async () => {
      try {
        await loadChildren(only.code);
        if (!cancelled) setExpanded((keys) => (keys.includes(only.code) ? keys : [...keys, only.code]));
      } catch {
        // The node stays closed; opening it by hand tries again and reports the error.
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [roots, loadChildren]);

  // A region chosen elsewhere (a link, the address bar): open the tree down to it.
  useEffect(() => {
    if (!selected || roots.some((r) => r.code === selected)) return;
    let cancelled = false;
    void (async () => {
      try {
        const path = await queryClient.fetchQuery({ queryKey: regionKeys.path(selected), queryFn: () => fetchPath(selected), staleTime: REGION_STALE });
        const ancestors = path.slice(0, -1).map((r) => r.code);
        await Promise.all(ancestors.map(loadChildren));
        if (!cancelled) setExpanded((keys) => [...new Set([...keys, ...ancestors])]);
      } catch (error) {
        if (!cancelled) message.error(errorMessage(error));
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [selected, roots, queryClient, loadChildren, message]);

  const treeData = useMemo(() => {
    const build = (regions: Region[], depth: number): TreeDataNode[] =>
      regions.map((region) => ({
        key: region.code,
        isLeaf: region.childCount === 0,
        title: (
          <span data-testid="region-node" data-code={region.code} data-depth={depth}>
            {region.name}
          </span>
        ),
        children: childrenOf[region.code] ? build(childrenOf[region.code]!, depth + 1) : undefined,
      }));
    return build(roots, 0);
  }, [roots, childrenOf]);

  return (
    <div data-testid="region-tree">
      <Tree
        showLine
        blockNode
        treeData={treeData}
        expandedKeys={expanded}
        onExpand={(keys) => setExpanded(keys)}
        selectedKeys={selected ? [selected] : []}
        onSelect={(keys) => {
          const [code] = keys;
          if (typeof code === 'string') onSelect(code);
        }}
        loadData={async (node) => {
          try {
            await loadChildren(String(node.key));
          } catch (error) {
            message.error(errorMessage(error));
          }
        }}
      />
    </div>
  );
}
