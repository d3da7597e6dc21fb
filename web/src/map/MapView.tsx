import type { ErrorEvent as MapErrorEvent, Map as MapLibreMap, StyleSpecification } from 'maplibre-gl';
import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import type { BBox } from './catalogue.ts';
import { lngLatBounds } from './geometry.ts';
import { maplibregl } from './maplibre.ts';
import './map.css';

declare global {
  interface Window {
    /** Set by browser tests before the app loads: only then is the map exposed as `__linzhangMap`. */
    __LINZHANG_E2E__?: boolean;
    __linzhangMap?: MapLibreMap;
  }
}

const MapContext = createContext<MapLibreMap | null>(null);

/** The map of the nearest <MapView>; only for its children, which render once the style has loaded. */
export function useMap(): MapLibreMap {
  const map = useContext(MapContext);
  if (!map) throw new Error('useMap outside <MapView>');
  return map;
}

export interface MapViewProps {
  /** The style the map starts with. Later changes go through the map (setters), not through this prop. */
  style: StyleSpecification;
  /** The first view: [west, south, east, north]. */
  bounds?: BBox | null;
  /** Padding around `bounds`, in pixels (e.g. room for a side panel). */
  padding?: { top: number; right: number; bottom: number; left: number };
  /** MapLibre's own control texts (NavigationControl.ZoomIn, ScaleControl.Meters, …). */
  locale?: Record<string, string>;
  /** Shows an attribution control (only useful with a base map that asks for one). */
  attribution?: boolean;
  /** A tile or style error; without a handler MapLibre would print every failed tile to the console. */
  onError?: (message: string, sourceId: string | undefined) => void;
  className?: string;
  'data-testid'?: string;
  /** Shown until the map has loaded its style (a loading sign), so the first paint is not a blank area. */
  placeholder?: ReactNode;
  /** Panels and tools that use the map through `useMap()`. */
  children?: ReactNode;
}

/**
 * MapLibre as a function component (maputnik's MapMaplibreGl, without the class): the map lives
 * in a ref for the component's lifetime and is handed to children through context. Nothing here
 * knows about forests; pages add their layers, handlers and panels as children.
 */
export function MapView({ style, bounds, padding, locale, attribution = false, onError, className, placeholder, children, 'data-testid': testId }: MapViewProps) {
  const container = useRef<HTMLDivElement>(null);
  const [map, setMap] = useState<MapLibreMap | null>(null);
  // The first props win: the map is created once, and these are read only then.
  const initial = useRef({ style, bounds, padding, locale, attribution });
  const errorHandler = useRef(onError);
  useEffect(() => {
    errorHandler.current = onError;
  }, [onError]);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const { style, bounds, padding, locale, attribution } = initial.current;
    const instance = new maplibregl.Map({
      container: element,
      style,
      ...(bounds ? { bounds: lngLatBounds(bounds), fitBoundsOptions: { padding: padding ?? 24 } } : { center: [114.93, 25.83], zoom: 10 }),
      // A working map of a county, not a globe: no rotation or tilt to get lost in.
      dragRotate: false,
      pitchWithRotate: false,
      maxPitch: 0,
      touchPitch: false,
      attributionControl: attribution ? { compact: true } : false,
      locale,
      // Region boundaries and labels are drawn by our own tiles; nothing asks a glyph server.
      localIdeographFontFamily: false,
    });
    instance.touchZoomRotate.disableRotation();
    instance.keyboard.disableRotation();
    instance.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    instance.addControl(new maplibregl.ScaleControl({ unit: 'metric', maxWidth: 120 }), 'bottom-left');
    instance.on('error', (event: MapErrorEvent & { sourceId?: string }) => errorHandler.current?.(event.error.message, event.sourceId));

    let alive = true;
    instance.once('load', () => {
      if (!alive) return;
      if (window.__LINZHANG_E2E__) window.__linzhangMap = instance;
      setMap(instance);
    });
    return () => {
      alive = false;
      if (window.__linzhangMap === instance) delete window.__linzhangMap;
      setMap(null);
      instance.remove();
    };
  }, []);

  return (
    <div className={`lz-map ${className ?? ''}`} data-testid={testId}>
      <div ref={container} className="lz-map-canvas" data-testid="map-canvas" data-ready={map ? 'true' : 'false'} />
      {map ? <MapContext.Provider value={map}>{children}</MapContext.Provider> : placeholder}
    </div>
  );
}
