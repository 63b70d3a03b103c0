package dev.vigil.processing.video;

import java.nio.file.Path;

import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.ffmpeg.global.avutil;

/**
 * Reads a clip's frame size from its container headers only (no decoder opened, no frame
 * decoded): tells why FFmpeg refused to open a decoder for a frame above its
 * {@code max_pixels}.
 */
final class HeaderProbe {

	private HeaderProbe() {
	}

	/**
	 * @param file a local file
	 * @param formats the allowed demuxers
	 * @return width and height of the first video stream, or {0, 0} when unknown
	 */
	static int[] frameSize(Path file, String formats) {
		AVFormatContext context = new AVFormatContext(null);
		AVDictionary options = new AVDictionary(null);
		try {
			avutil.av_dict_set(options, "protocol_whitelist", "file", 0);
			avutil.av_dict_set(options, "format_whitelist", formats, 0);
			if (avformat.avformat_open_input(context, file.toString(), null, options) < 0) {
				return new int[] { 0, 0 };
			}
			try {
				for (int i = 0; i < context.nb_streams(); i++) {
					var parameters = context.streams(i).codecpar();
					if (parameters.codec_type() == avutil.AVMEDIA_TYPE_VIDEO) {
						return new int[] { parameters.width(), parameters.height() };
					}
				}
				return new int[] { 0, 0 };
			}
			finally {
				avformat.avformat_close_input(context);
			}
		}
		finally {
			avutil.av_dict_free(options);
		}
	}

}
