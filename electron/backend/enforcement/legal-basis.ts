/** The legal basis cited by every credit record: the notice's credit-supervision clause. */
export const LEGAL_BASIS =
  '《关于推广“滨州健康码”的通知》（滨州市新型冠状病毒肺炎疫情处置工作领导小组（指挥部）第201号，2020年2月23日）' +
  '四、保障措施（一）加强信用监管：对于不如实填报“滨州健康码”申请内容、套取“滨州健康码”截图、冒用他人“滨州健康码”等' +
  '不诚信行为，予以“健康码”转为“红码”，并予以通报、纳入个人诚信体系、追究相关法律责任等处理措施。';
