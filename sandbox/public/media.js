// A message's attachment: photos from the emulator's files, other files as download cards.
import { formatCount, h } from './dom.js';

const fileUrl = (fileId) => `/sandbox/api/files/${encodeURIComponent(fileId)}`;

function photo(message) {
  const sizes = message.photo;
  const largest = sizes[sizes.length - 1];
  const placeholder = h('span', { class: 'media-placeholder' }, '🖼 Photo');
  const img = h('img', {
    src: fileUrl(largest.file_id),
    alt: 'Photo',
    loading: 'lazy',
    onload: () => {
      // The emulator stores 1×1 sample images for users' photos: show a placeholder instead.
      if (img.naturalWidth >= 16) placeholder.remove();
      else img.remove();
    },
    onerror: () => img.remove(),
  });
  return h('figure', { class: 'media photo' }, img, placeholder);
}

function fileCard(icon, label, file) {
  const size = file.file_size ? ` · ${formatCount(file.file_size)} B` : '';
  return h(
    'a',
    {
      class: 'media file',
      href: fileUrl(file.file_id),
      download: file.file_name ?? '',
      'aria-label': `Download ${label}`,
    },
    h('span', { class: 'file-icon' }, icon),
    h('span', {}, `${file.file_name ?? label}${size}`),
  );
}

/** Photo, sticker, document, video… of a message as an element, or null. */
export function media(message) {
  if (message.photo?.length) return photo(message);
  if (message.sticker) {
    return h(
      'div',
      { class: 'media sticker', role: 'img', 'aria-label': 'Sticker' },
      message.sticker.emoji ?? '🙂',
    );
  }
  if (message.document) return fileCard('📄', 'document', message.document);
  if (message.video) return fileCard('🎬', 'video', message.video);
  if (message.animation) return fileCard('🎞', 'animation', message.animation);
  if (message.audio) return fileCard('🎵', 'audio', message.audio);
  if (message.voice) return fileCard('🎤', 'voice message', message.voice);
  return null;
}
