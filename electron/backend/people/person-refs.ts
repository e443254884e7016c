/**
 * Opaque references to people for the interface: the ID number encrypted (AES-256-GCM) with a key
 * that lives only in this process, bound to the session that received it (the session's token is
 * the cipher's additional authenticated data). The page can pass a reference back but never read an
 * ID from it; a reference copied out of one session's address bar or list is invalid in another
 * user's (or a later) session, and a restart makes every reference invalid (pages search again).
 */
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/** What a reference is bound to: the session's token (never sent anywhere by this module). */
export interface RefBinding {
  token: string;
}

const IV = 12;
const TAG = 16;

export class PersonRefs {
  private readonly key = randomBytes(32);

  /** Binding data: a keyed digest of the token, so the token itself never enters the cipher. */
  private aad(session: RefBinding): Buffer {
    return createHmac('sha256', this.key).update('person-ref\0').update(session.token).digest();
  }

  toRef(personId: string, session: RefBinding): string {
    const iv = randomBytes(IV);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(this.aad(session));
    const body = Buffer.concat([cipher.update(personId, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
  }

  /** The ID behind a reference, or null if this process did not make it for this session. */
  fromRef(ref: string, session: RefBinding): string | null {
    try {
      const raw = Buffer.from(ref, 'base64url');
      if (raw.length <= IV + TAG) return null;
      const decipher = createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, IV));
      decipher.setAAD(this.aad(session));
      decipher.setAuthTag(raw.subarray(IV, IV + TAG));
      return Buffer.concat([decipher.update(raw.subarray(IV + TAG)), decipher.final()]).toString('utf8');
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
