/**
 * Interpretation (issue: "asks for confirmation before an upsert file that would replace values of
 * many stored people"): "many" is this many stored records given other values by one file. A
 * department's correction file touches a handful; a mislabelled or wrong file touches thousands.
 * Syncs of the exchange directory are not asked: the department's own daily update is expected
 * to replace values, and nobody is at the keyboard.
 */
export const REPLACE_CONFIRM_AT = 100;

export function replaceQuestion(feedZh: string, feed: string, replaces: number): { en: string; zh: string } {
  return {
    en: `this file would replace the stored values of ${replaces} records of ${feed} (${feedZh}); check that it is the right file, then confirm the import`,
    zh: `该文件将替换${feedZh}中已存储的${replaces}条记录的值；请确认文件无误后再确认导入`,
  };
}
