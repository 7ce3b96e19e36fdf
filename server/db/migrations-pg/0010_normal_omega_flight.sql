CREATE TABLE "web_sign_outs" (
	"vk_user_id" text PRIMARY KEY NOT NULL,
	"signed_out_at" bigint NOT NULL
);
