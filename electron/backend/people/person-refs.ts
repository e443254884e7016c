/**
 * Opaque references to people for the interface: the ID number encrypted (AES-256-GCM) with a key
 * that lives only in this process. The page can pass a reference back but never read an ID from
 * it; a restart makes old references invalid (pages reload their searches).
 */
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

export class PersonRefs {
  private readonly key = randomBytes(32);

  toRef(personId: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(personId, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
  }

  /** The ID behind a reference, or null if it was not made by this process. */
  fromRef(ref: string): string | null {
    try {
      const raw = Buffer.from(ref, 'base64url');
      if (raw.length < 29) return null;
      const decipher = createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    } catch {
      return null;
    }
  }
}

/**
 * How the audit log names a person: a keyed hash (stable for the database, so an auditor holding
 * an ID can find its entries) instead of the ID itself.
 */
export function auditPersonTarget(secret: string, personId: string): string {
  return `person:${createHmac('sha256', secret).update(personId).digest('hex').slice(0, 24)}`;
}
