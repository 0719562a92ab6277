// The parser is shared with the renderer, which validates the same way before sending.
export * from '../../../src-common/image-ref';
