/**
 * Which people a query reads: a range of IDs (a full evaluation walks the city in ranges) or a list
 * (the people whose records changed). Either becomes one SQL condition with parameters.
 */
export type PersonScope = { kind: 'range'; from: string; to: string | null } | { kind: 'ids'; ids: readonly string[] };

export function scopeSql(scope: PersonScope, column = 'person_id'): { sql: string; params: string[] } {
  if (scope.kind === 'ids') return { sql: `${column} IN (SELECT value FROM json_each(?))`, params: [JSON.stringify(scope.ids)] };
  if (scope.to === null) return { sql: `${column} >= ?`, params: [scope.from] };
  return { sql: `${column} >= ? AND ${column} < ?`, params: [scope.from, scope.to] };
}
