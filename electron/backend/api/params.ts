/**
 * Checking parameters that crossed a transport: the contract's types are promises the page makes,
 * not guarantees. Each failure names the parameter and what it should be.
 */
import { isCountyCode } from '../../../shared/domain/counties.ts';
import { type FeedName, isFeedName } from '../../../shared/domain/feeds/feed-schemas.ts';
import { type Day, parseDay } from '../../../shared/domain/local-date.ts';
import { ApiFailure } from './api-failure.ts';

type P = Record<string, unknown>;

export function str(p: P, name: string, max = 500): string {
  const v = p[name];
  if (typeof v !== 'string' || v.length === 0 || v.length > max) throw ApiFailure.badRequest(`${name} must be text (1 to ${max} characters)`, `${name} 应为文本（1至${max}个字符）`);
  return v;
}

export function optStr(p: P, name: string, max = 500): string | undefined {
  return p[name] === undefined || p[name] === null ? undefined : str(p, name, max);
}

export function int(p: P, name: string, min: number, max: number, fallback?: number): number {
  const v = p[name];
  if (v === undefined && fallback !== undefined) return fallback;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) throw ApiFailure.badRequest(`${name} must be a whole number from ${min} to ${max}`, `${name} 应为${min}到${max}之间的整数`);
  return v;
}

export function bool(p: P, name: string): boolean | undefined {
  const v = p[name];
  if (v === undefined) return undefined;
  if (typeof v !== 'boolean') throw ApiFailure.badRequest(`${name} must be true or false`, `${name} 应为是或否`);
  return v;
}

export function day(p: P, name: string): Day | undefined {
  const v = p[name];
  if (v === undefined || v === null || v === '') return undefined;
  const d = typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? parseDay(v) : null;
  if (d === null) throw ApiFailure.badRequest(`${name} must be a date like 2020-02-20`, `${name} 应为日期，如 2020-02-20`);
  return d;
}

export function feed(p: P, name: string): FeedName {
  const v = p[name];
  if (typeof v !== 'string' || !isFeedName(v)) throw ApiFailure.badRequest(`${name} must be a feed name`, `${name} 应为数据源名称`);
  return v;
}

export function county(p: P, name: string): string | null | undefined {
  const v = p[name];
  if (v === undefined) return undefined;
  if (v === null || v === '') return null;
  if (typeof v !== 'string' || !isCountyCode(v)) throw ApiFailure.badRequest(`${name} must be one of Binzhou's county codes`, `${name} 应为滨州县区代码`);
  return v;
}
