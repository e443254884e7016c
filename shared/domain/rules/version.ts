/**
 * The version of the rules as implemented. Stored colours computed under another version are
 * recomputed in full on the next evaluation, so a change to the rules (or to an interpretation)
 * reaches every stored colour. Bump it with any change that can change a colour or a reason.
 */
export const RULES_VERSION = 1;
