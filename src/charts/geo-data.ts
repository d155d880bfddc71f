/**
 * The outlines every map is drawn from (data/geo/, provenance and licence in its README), loaded once
 * at build time. Not shipped to the browser.
 */
import chn from '../../data/geo/chn.topo.json';
import twn from '../../data/geo/twn.topo.json';
import hkg from '../../data/geo/hkg.topo.json';
import mac from '../../data/geo/mac.topo.json';
import pga from '../../data/geo/pga.topo.json';
import scr from '../../data/geo/scr.topo.json';
import neighbours from '../../data/geo/scs-neighbours.geo.json';
import type { Topology } from 'topojson-specification';
import type { FeatureCollection } from 'geojson';
import type { MapTopologies } from './map.ts';

export const MAP_TOPOLOGIES: MapTopologies = {
  china: chn as unknown as Topology,
  others: [twn, hkg, mac] as unknown as Topology[],
  scs: { islands: [pga, scr] as unknown as Topology[], neighbours: neighbours as unknown as FeatureCollection },
};
