import { randomBytes } from 'node:crypto';
import { badRequest } from './errors.js';
import type { FileInput, UploadedFile } from './validation.js';
import type { World } from './world.js';

export type FileKind = 'photo' | 'document' | 'video' | 'animation' | 'sticker' | 'audio' | 'voice';

export interface FileRecord {
  file_id: string;
  file_unique_id: string;
  kind: FileKind;
  data: Buffer;
  mime: string;
  name?: string;
  file_path: string;
}

const folders: Record<FileKind, string> = {
  photo: 'photos',
  document: 'documents',
  video: 'videos',
  animation: 'animations',
  sticker: 'stickers',
  audio: 'music',
  voice: 'voice',
};

/** Stores bytes as a new file and gives it a Telegram-looking file_id. */
export function storeFile(
  world: World,
  kind: FileKind,
  data: Buffer,
  meta: { mime?: string; name?: string } = {},
): FileRecord {
  const n = world.nextId('file');
  const fileId = `${kind.slice(0, 2).toUpperCase()}ACAgIAAxk${n}${randomBytes(12).toString('base64url')}`;
  const ext = meta.name?.includes('.') ? meta.name.slice(meta.name.lastIndexOf('.')) : '';
  const record: FileRecord = {
    file_id: fileId,
    file_unique_id: `AQAD${n}${randomBytes(4).toString('hex')}`,
    kind,
    data,
    mime: meta.mime ?? 'application/octet-stream',
    file_path: `${folders[kind]}/file_${n}${ext || (kind === 'photo' ? '.jpg' : '')}`,
  };
  if (meta.name) record.name = meta.name;
  world.files.set(record.file_id, record);
  world.filesByPath.set(record.file_path, record);
  return record;
}

const title = (kind: string): string => kind[0]?.toUpperCase() + kind.slice(1);

/** Resolves an upload, a file_id or a URL into a stored file of `kind`. */
export function resolveFile(world: World, input: unknown, kind: FileKind): FileRecord {
  const value = input as FileInput | string;
  if (typeof value === 'object' && 'upload' in value) {
    const upload: UploadedFile = value.upload;
    return storeFile(world, kind, upload.data, { mime: upload.type, name: upload.name });
  }
  const ref = typeof value === 'string' ? value : value.ref;
  const known = world.files.get(ref);
  if (known) {
    const compatible = known.kind === kind || (kind === 'document' && known.kind !== 'sticker');
    if (!compatible)
      throw badRequest(`can't use file of type ${title(known.kind)} as ${title(kind)}`);
    return known;
  }
  if (/^https?:\/\//.test(ref))
    return storeFile(world, kind, Buffer.alloc(0), { name: ref.split('/').pop() ?? '' });
  throw badRequest('wrong file identifier/HTTP URL specified');
}

/** The message field(s) describing a file of its kind (photo sizes, document, sticker…). */
export function mediaFields(file: FileRecord): Record<string, unknown> {
  const base = {
    file_id: file.file_id,
    file_unique_id: file.file_unique_id,
    file_size: file.data.length,
  };
  switch (file.kind) {
    case 'photo':
      return { photo: [{ ...base, width: 1280, height: 720 }] };
    case 'sticker':
      return {
        sticker: {
          ...base,
          type: 'regular',
          width: 512,
          height: 512,
          is_animated: false,
          is_video: false,
        },
      };
    case 'video':
    case 'animation':
      return {
        [file.kind]: { ...base, width: 1280, height: 720, duration: 5, mime_type: file.mime },
      };
    default: {
      const doc: Record<string, unknown> = { ...base, mime_type: file.mime };
      if (file.name) doc.file_name = file.name;
      return { [file.kind]: doc };
    }
  }
}
