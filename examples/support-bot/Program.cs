using SupportBot;

await SupportBotApp.Build(args).RunAsync();
